import sprites from 'bootstrap-italia/dist/svg/sprites.svg?url';

/** A bootstrap-italia icon from its sprite (shipped with the app). Decorative unless given a title. */
export function Icon({ name, className = '', title, size }: { name: string; className?: string; title?: string; size?: 'xs' | 'sm' | 'lg' | 'xl' }) {
  const classes = ['icon', size ? `icon-${size}` : '', className].filter(Boolean).join(' ');
  return (
    <svg className={classes} aria-hidden={title ? undefined : true} role={title ? 'img' : undefined} focusable="false">
      {title ? <title>{title}</title> : null}
      <use href={`${sprites}#${name}`} />
    </svg>
  );
}
