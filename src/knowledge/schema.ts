// Zod schemas for knowledge/*.yml, checked against core/types.ts so the files and the types cannot drift apart.
import { z } from 'zod';
import type { OwnerOverride, Service, Split, Topic } from '../core/types.ts';

/** The hosts a topic's source may live on: AWS's own pages, never a blog or a mirror. */
export const AWS_SOURCE_HOST =
  /^(?:docs\.aws\.amazon\.com|aws\.amazon\.com|(?:[a-z0-9-]+\.)*awsstatic\.com)$/;

const ownerSchema = z.enum(['AWS', 'Customer', 'Shared']);
const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, single dashes)');
const text = z.string().trim().min(1, 'must not be empty');

// A real calendar date, not just the YYYY-MM-DD shape (2026-02-30 is rejected).
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real calendar date');

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

export const ownerOverrideSchema = z.strictObject({
  owner: ownerSchema,
  rationale: text.optional(),
}) satisfies z.ZodType<OwnerOverride>;

export const splitSchema = z.strictObject({ aws: text, customer: text }) satisfies z.ZodType<Split>;

export const topicSchema = z.strictObject({
  id: kebabId,
  area: text,
  title: text,
  phrasings: z.array(text).min(1, 'needs at least one phrasing'),
  keywords: z.array(text).default([]),
  owner: ownerSchema.optional(),
  services: z.record(z.string(), ownerOverrideSchema).default({}),
  // A strict object rather than a record, so a misspelt category ("containers") is reported as an unknown key.
  categories: z
    .strictObject({
      infrastructure: ownerOverrideSchema.optional(),
      container: ownerOverrideSchema.optional(),
      abstracted: ownerOverrideSchema.optional(),
    })
    .default({}),
  rationale: text,
  split: splitSchema.optional(),
  source: httpsUrl,
  reviewed: isoDate,
  quiz: z.boolean(),
}) satisfies z.ZodType<Topic>;

/** A topics file is an object with one `topics:` list (room for file-level keys later without a format change). */
export const topicsFileSchema = z.strictObject({ topics: z.array(z.unknown()).min(1, 'has no topics') });

const alias = z
  .string()
  .min(1)
  .refine((s) => s === s.trim().toLowerCase().replace(/\s+/g, ' '), 'must be lowercase with single spaces');

export const serviceSchema = z.strictObject({
  id: kebabId,
  name: text,
  short: text,
  aliases: z.array(alias).min(1, 'needs at least one alias'),
  category: z.enum(['infrastructure', 'container', 'abstracted']),
  tenancy: z.enum(['single-tenant', 'multi-tenant']).optional(),
}) satisfies z.ZodType<Service>;

/** services.yml is an object with one `services:` list. */
export const servicesFileSchema = z.strictObject({
  services: z.array(z.unknown()).min(1, 'has no services'),
});
