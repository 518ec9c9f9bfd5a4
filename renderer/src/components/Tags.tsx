/** [service][category][platform] tags, as the web help center shows them on every result. */
import type { Platform } from '../../../shared/platform';
import { usePlatformLabel } from '../platform/labels';
import { categoryLabel } from '../../../shared/categories';

export function Tags({ service, category, platform, className }: { service: string; category: string; platform: Platform; className?: string }) {
  const platformLabel = usePlatformLabel();
  return (
    <span className={className ? `tags ${className}` : 'tags'}>
      <span className="tag tag-service">{service}</span>
      <span className="tag tag-category">{categoryLabel(category)}</span>
      <span className={`tag tag-platform platform-${platform}`}>{platformLabel(platform)}</span>
    </span>
  );
}
