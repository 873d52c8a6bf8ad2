// Limits from protocol-spec/schemas, shown beside the fields before the user reaches them.
// AdminUiLimitsTest checks each figure against the schema files, so they cannot drift apart.
export const LIMITS = {
  shortText: 300,     // common.schema.json $defs/shortLangMap additionalProperties maxLength
  longText: 20000,    // common.schema.json $defs/langMap additionalProperties maxLength
  url: 2048,          // common.schema.json $defs/httpsUrl maxLength
  links: 20,          // common.schema.json $defs/links maxItems
  tag: 50,            // entry-base.schema.json properties/tags items maxLength
  tags: 20,           // entry-base.schema.json properties/tags maxItems
  sectors: 20,        // entry-base.schema.json properties/sectors maxItems
  regions: 50,        // entry-base.schema.json properties/regions maxItems
  partner: 300,       // entry-project.schema.json properties/partners items maxLength
  contacts: 20,       // profile.schema.json properties/contacts maxItems
  contactValue: 500,  // profile.schema.json $defs/contact properties/value maxLength
  imageBytes: 2097152, // the node's upload limit (2 MiB)
  resourceBytes: 4194304, // the node's limit for a PDF resource (4 MiB; images 2 MiB)
  attachments: 10,    // entry-article.schema.json properties/attachments maxItems
};
