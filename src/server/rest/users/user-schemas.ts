/** The JSON schema of a user as the API shows it. */
export const userSchema = {
  type: 'object',
  required: ['id', 'username', 'displayName', 'roles', 'disabled', 'created'],
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    roles: { type: 'array', items: { type: 'string', enum: ['admin', 'analyst', 'approver'] } },
    disabled: { type: 'boolean' },
    created: { type: 'string', format: 'date-time' },
  },
} as const;

/** The JSON schema of an API token as listed (never the secret). */
export const tokenInfoSchema = {
  type: 'object',
  required: ['id', 'userId', 'name', 'created'],
  properties: {
    id: { type: 'string' },
    userId: { type: 'string' },
    name: { type: 'string' },
    created: { type: 'string' },
    expires: { type: 'string' },
    lastUsed: { type: 'string' },
    revoked: { type: 'string' },
  },
} as const;

/** Roles as a request body gives them. */
export const rolesSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 3,
  items: { type: 'string', enum: ['admin', 'analyst', 'approver'] },
} as const;
