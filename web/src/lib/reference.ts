// Reference data that rarely changes, fetched once per page load.
import { api, type Region } from './api';

let regions: Promise<Region[]> | null = null;

export function loadRegions(): Promise<Region[]> {
  regions ??= api<{ regions: Region[] }>('GET', '/reference/regions')
    .then((r) => r.regions)
    .catch((e: unknown) => {
      regions = null; // try again next time
      throw e;
    });
  return regions;
}
