import type { AreaOverview } from '../api/overview';

/** "萬華區 Wanhua District": Chinese first, English beside it. */
export function areaTitle(area: Pick<AreaOverview, 'name' | 'nameEn'>): string {
  return `${area.name} ${area.nameEn}`;
}
