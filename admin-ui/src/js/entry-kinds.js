// What each of the eight entry kinds holds (protocol-spec/schemas/entry-*.schema.json), as field
// descriptions for fields.js. Fields common to every kind come first, then the kind's own.
import { LIMITS } from './limits.js';

export const KINDS = ['event', 'project', 'campaign', 'report', 'article', 'offer', 'need', 'training'];
const CATEGORIES = ['funding', 'volunteers', 'expertise', 'equipment', 'space', 'training', 'partnership',
  'translation', 'legal', 'other'];

export const COMMON = [
  { path: 'title', type: 'short', label: 'entries.titleField', required: true },
  { path: 'summary', type: 'short', label: 'entries.summary', multiline: true },
  { path: 'content', type: 'long', label: 'entries.content' },
  { path: 'sectors', type: 'terms', taxonomy: 'sectors', label: 'entries.sectors', maxItems: LIMITS.sectors },
  { path: 'regions', type: 'terms', taxonomy: 'regions', label: 'entries.regions', maxItems: LIMITS.regions },
  { path: 'tags', type: 'csv', label: 'entries.tags', hint: 'entries.tagsHint' },
  { path: 'languages', type: 'csv', label: 'entries.languages', hint: 'field.languagesHint', dir: 'ltr' },
  { path: 'links', type: 'links', label: 'entries.links' },
  { path: 'image', type: 'image', label: 'entries.image' },
];

export const BY_KIND = {
  event: [
    { path: 'startTime', type: 'datetime', label: 'event.start', required: true },
    { path: 'endTime', type: 'datetime', label: 'event.end' },
    { path: 'timeZone', type: 'text', label: 'event.timeZone', hint: 'event.timeZoneHint', required: true },
    { path: 'onlineUrl', type: 'url', label: 'event.onlineUrl' },
    { path: 'registrationUrl', type: 'url', label: 'event.registrationUrl' },
    { group: 'place', label: 'event.place', hint: 'event.placeHint', fields: [
      { path: 'place/name', type: 'short', label: 'place.name' },
      { path: 'place/address', type: 'short', label: 'place.address' },
      { path: 'place/region', type: 'terms', taxonomy: 'regions', single: true, label: 'place.region' },
      { path: 'place/latitude', type: 'number', label: 'place.latitude', min: -90, max: 90 },
      { path: 'place/longitude', type: 'number', label: 'place.longitude', min: -180, max: 180 },
    ] },
  ],
  project: [
    { path: 'status', type: 'choice', label: 'project.status', options: ['planned', 'active', 'completed', 'paused'],
      optionKey: 'project.status.', optional: true },
    { path: 'startDate', type: 'date', label: 'field.startDate' },
    { path: 'endDate', type: 'date', label: 'field.endDate' },
    { path: 'partners', type: 'lines', label: 'project.partners', hint: 'project.partnersHint' },
    { group: 'seeksPartners', label: 'project.seeksPartners', hint: 'project.seeksPartnersHint', fields: [
      { path: 'seeksPartners/note', type: 'short', label: 'project.partnerNote' },
      { path: 'seeksPartners/sectors', type: 'terms', taxonomy: 'sectors', label: 'project.partnerSectors', maxItems: LIMITS.sectors },
      { path: 'seeksPartners/regions', type: 'terms', taxonomy: 'regions', label: 'project.partnerRegions', maxItems: LIMITS.regions },
      { path: 'seeksPartners/skills', type: 'csv', label: 'project.partnerSkills', hint: 'project.partnerSkillsHint' },
    ] },
  ],
  campaign: [
    { path: 'startDate', type: 'date', label: 'field.startDate' },
    { path: 'endDate', type: 'date', label: 'field.endDate' },
    { path: 'goal', type: 'long', label: 'campaign.goal' },
    { path: 'callToAction', type: 'link', label: 'campaign.callToAction' },
  ],
  report: [
    { path: 'period/start', type: 'date', label: 'report.periodStart', required: true },
    { path: 'period/end', type: 'date', label: 'report.periodEnd', required: true },
    { path: 'reportType', type: 'choice', label: 'report.type', optional: true,
      options: ['annual', 'quarterly', 'monthly', 'project', 'financial', 'other'], optionKey: 'report.type.' },
    { path: 'document', type: 'link', label: 'report.document' },
  ],
  article: [
    { path: 'byline', type: 'short', label: 'article.byline' },
    { path: 'attachments', type: 'attachments', label: 'attachments.title' },
  ],
  offer: [
    { path: 'category', type: 'choice', label: 'offer.category', options: CATEGORIES, optionKey: 'category.', required: true },
    { path: 'validUntil', type: 'date', label: 'offer.validUntil' },
    { path: 'quantity', type: 'short', label: 'offer.quantity' },
  ],
  need: [
    { path: 'category', type: 'choice', label: 'offer.category', options: CATEGORIES, optionKey: 'category.', required: true },
    { path: 'validUntil', type: 'date', label: 'offer.validUntil' },
    { path: 'quantity', type: 'short', label: 'offer.quantity' },
  ],
  training: [
    { path: 'timeZone', type: 'text', label: 'event.timeZone', hint: 'event.timeZoneHint', required: true },
    { path: 'capacity', type: 'number', label: 'training.capacity', hint: 'training.capacityHint', min: 1, max: 100000, step: 1 },
    { path: 'registration', type: 'choice', label: 'training.registration', options: ['open', 'approval', 'invite'],
      optionKey: 'training.registration.', optional: true },
    { path: 'sessions', type: 'sessions', label: 'training.sessions' },
  ],
};

/** Every field description of a kind, groups flattened. */
export function fieldsOf(kind) {
  return BY_KIND[kind].flatMap(f => f.group ? f.fields : [f]);
}
