// The shared sector and region taxonomies (protocol-spec/taxonomies), read once per page load.
import { get } from './api.js';

let cached = null;

export async function loadTaxonomies() {
  if (!cached) {
    const [sectors, regions] = await Promise.all([get('/admin/taxonomies/sectors.json'), get('/admin/taxonomies/regions.json')]);
    cached = { sectors: sectors.data.terms, regions: regions.data.terms };
  }
  return cached;
}
