/** A STIX object in an answer: open, every property kept as stored. */
export const stixObjectSchema = {
  type: 'object',
  required: ['type', 'id'],
  additionalProperties: true,
  properties: { type: { type: 'string' }, id: { type: 'string' } },
} as const;

/** `:id` as a path parameter. */
export const objectIdParams = {
  type: 'object',
  required: ['id'],
  properties: {
    id: {
      type: 'string',
      minLength: 1,
      maxLength: 300,
      description: 'A STIX id, e.g. incident--<uuid>',
    },
  },
} as const;

/** A list of objects. */
export const objectListSchema = {
  type: 'object',
  required: ['objects'],
  properties: {
    objects: { type: 'array', items: stixObjectSchema },
    total: { type: 'integer', description: 'How many objects match, across all pages.' },
  },
} as const;

/** A comma-separated list of STIX types. */
export const typeListParam = {
  type: 'string',
  maxLength: 1000,
  pattern: '^[a-z0-9-]+(,[a-z0-9-]+)*$',
  description: 'Comma-separated STIX types, e.g. incident,threat-actor',
} as const;
