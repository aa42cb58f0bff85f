import { Icon } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import type { Level } from '../../contract/screenings';

const RANK: Record<Level, number> = { no_concern: 1, possible_concern: 2, clear_concern: 3 };

function LevelIcon({ level, size }: { level: Level; size: 3 | 4 | 5 }) {
  switch (level) {
    case 'no_concern':
      return <Icon.CheckCircle size={size} aria-hidden="true" focusable={false} />;
    case 'possible_concern':
      return <Icon.Warning size={size} aria-hidden="true" focusable={false} />;
    case 'clear_concern':
      return <Icon.Error size={size} aria-hidden="true" focusable={false} />;
  }
}

/**
 * A screening level in words, with an icon and a three-step scale whose filled steps show the
 * level by position: color is never the only signal.
 */
export function LevelIndicator({ level, size = 'small' }: { level: Level; size?: 'small' | 'large' }) {
  const { t } = useTranslation();
  const rank = RANK[level];
  if (size === 'small') {
    return (
      <span className={`harbor-level harbor-level--${level}`}>
        <LevelIcon level={level} size={3} />
        <span>{t(`levels.${level}`)}</span>
      </span>
    );
  }
  return (
    <div className={`harbor-level-panel harbor-level-panel--${level}`}>
      <p className="harbor-level-panel__text">
        <LevelIcon level={level} size={5} />
        <span>{t(`levels.${level}`)}</span>
      </p>
      <div className="harbor-level-scale" aria-hidden="true">
        {[1, 2, 3].map((step) => (
          <span
            key={step}
            className={`harbor-level-scale__step${step <= rank ? ' harbor-level-scale__step--on' : ''}`}
          />
        ))}
      </div>
      <p className="harbor-level-panel__scale-text">{t('levels.scale', { rank, total: 3 })}</p>
    </div>
  );
}
