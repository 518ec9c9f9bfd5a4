/** [service][category][platform] tags, as the web help center shows them. */
import { PLATFORM_LABELS, type Platform } from '../../../shared/platform';
import { useApp } from '../state/app';

export function Breadcrumb({ service, category, platform }: { service: string; category: string; platform: Platform }) {
  const language = useApp((s) => s.language);
  return (
    <span className="breadcrumb">
      <span className="tag">{service}</span>
      <span className="tag">{category}</span>
      <span className="tag tag-platform">{PLATFORM_LABELS[platform][language]}</span>
    </span>
  );
}
