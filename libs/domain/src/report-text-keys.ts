/** Keys of the configurable texts of the status report. */
export const REPORT_TEXT_KEYS = ['mandateIntro', 'normativeFramework', 'editionHistory', 'internalControls', 'statusIntro'] as const;
export type ReportTextKeyValue = (typeof REPORT_TEXT_KEYS)[number];
