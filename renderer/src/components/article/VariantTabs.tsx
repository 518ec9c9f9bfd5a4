/**
 * The topic's platform versions as tabs (the shown article is the selected one). ←/→,
 * Home and End move between tabs and open them, as tabs do.
 */
import { useRef } from 'react';
import type { ArticleVariant } from '../../../../shared/types';
import { useT } from '../../i18n/use-translation';
import { usePlatformLabel } from '../../platform/labels';
import { useApp } from '../../state/app';
import { useRouter } from '../../state/router';
import { Icon } from '../Icon';

export const ARTICLE_PANEL_ID = 'article-panel';

export function VariantTabs({ variants, currentId }: { variants: ArticleVariant[]; currentId: string }) {
  const t = useT();
  const platformLabel = usePlatformLabel();
  const hostOs = useApp((s) => s.hostOs);
  const navigate = useRouter((s) => s.navigate);
  const list = useRef<HTMLDivElement>(null);

  const select = (index: number): void => {
    const variant = variants[index];
    if (!variant) return;
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[index]?.focus();
    // Switching versions replaces the entry: back leaves the article, not the tab.
    if (variant.id !== currentId) navigate({ name: 'article', id: variant.id }, { replace: true });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.metaKey || event.ctrlKey) return;
    const at = variants.findIndex((v) => v.id === currentId);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: variants.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select((next + variants.length) % variants.length);
  };

  return (
    <div className="variant-tabs" role="tablist" aria-label={t('article.platforms')} ref={list} onKeyDown={onKeyDown}>
      {variants.map((variant, index) => {
        const selected = variant.id === currentId;
        return (
          <button
            key={variant.id}
            type="button"
            role="tab"
            id={`tab-${variant.id}`}
            aria-selected={selected}
            aria-controls={ARTICLE_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            className="variant-tab"
            onClick={() => select(index)}
          >
            {variant.platform === hostOs && <Icon name="computer" size={13} />}
            {platformLabel(variant.platform)}
          </button>
        );
      })}
    </div>
  );
}
