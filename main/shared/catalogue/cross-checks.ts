import type { Catalogue } from './schema.ts';
import { PAYMENT_JOURNEYS, isPaymentJourney } from './vocabulary.ts';

/**
 * Checks that need the whole catalogue (references and uniqueness), run after the shape is
 * known to be right. Each message names the offending path, like the schema's own messages.
 */

function duplicates(list: readonly { id: string }[], where: string, seen: Map<string, string>, errors: string[]): void {
  list.forEach((item, i) => {
    const path = `${where}[${i}].id`;
    const first = seen.get(item.id);
    if (first !== undefined) errors.push(`${path}: duplicate id "${item.id}" (first used at ${first})`);
    else seen.set(item.id, path);
  });
}

export function crossCheckCatalogue(cat: Catalogue): string[] {
  const errors: string[] = [];
  duplicates(cat.entities, 'entities', new Map(), errors);
  duplicates(cat.categories, 'categories', new Map(), errors);
  duplicates(cat.services, 'services', new Map(), errors);
  duplicates(cat.tips, 'tips', new Map(), errors);
  // Complaint type ids are unique across entities: a filed complaint carries only that id.
  const complaintIds = new Map<string, string>();
  cat.entities.forEach((e, i) => duplicates(e.complaintTypes, `entities[${i}].complaintTypes`, complaintIds, errors));

  const entities = new Map(cat.entities.map((e) => [e.id, e]));
  const categories = new Set(cat.categories.map((c) => c.id));
  cat.services.forEach((s, i) => {
    const at = `services[${i}]`;
    const entity = entities.get(s.entityId);
    if (entity === undefined) errors.push(`${at}.entityId: unknown entity "${s.entityId}"`);
    if (!categories.has(s.categoryId)) errors.push(`${at}.categoryId: unknown category "${s.categoryId}"`);
    // The channel says how the visitor gets the service; the journey is what the kiosk button does.
    if (s.channel === 'kioskPayable' && !isPaymentJourney(s.journey)) {
      errors.push(`${at}.journey: a kioskPayable service needs a payment journey (${PAYMENT_JOURNEYS.join(', ')})`);
    }
    if (s.channel === 'inquiry' && s.journey === undefined) {
      errors.push(`${at}.journey: an inquiry service needs the kiosk journey that answers it`);
    }
    if (s.channel === 'counterOnly') {
      if (s.counterGroup === undefined) errors.push(`${at}.counterGroup: a counterOnly service needs a counter group for queue tickets`);
      if (s.journey !== undefined && s.journey !== 'queueTicket') {
        errors.push(`${at}.journey: a counterOnly service can only link to the queueTicket journey`);
      }
    }
    if (s.journey === 'queueTicket' && s.counterGroup === undefined) {
      errors.push(`${at}.counterGroup: the queueTicket journey needs a counter group`);
    }
    if (s.journey === 'complaint' && entity !== undefined && entity.complaintTypes.length === 0) {
      errors.push(`${at}.journey: entity "${entity.id}" has no complaintTypes, so the complaint journey has nothing to offer`);
    }
  });

  const used = new Set(cat.services.map((s) => s.entityId));
  cat.entities.forEach((e, i) => {
    if (!used.has(e.id)) errors.push(`entities[${i}]: entity "${e.id}" offers no service`);
  });
  return errors;
}
