import { type DynamicModule, Module } from '@nestjs/common';
import { CollectionController, COLLECTION_JWT_SECRET } from './http/collection.controller';

/** Collection workbooks: download per department (or all as a zip) and upload of the filled files. */
@Module({})
export class CollectionWorkbookModule {
  static forRoot(options: { jwtSecret: string }): DynamicModule {
    return {
      module: CollectionWorkbookModule,
      controllers: [CollectionController],
      providers: [{ provide: COLLECTION_JWT_SECRET, useValue: options.jwtSecret }],
    };
  }
}
