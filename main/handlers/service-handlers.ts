import type { Handlers } from '../bridge/dispatcher.ts';
import type { Catalogue } from '../shared/catalogue/schema.ts';
import type { Bilingual, ComplaintReceipt, DeviceSummary, Locale, TicketView } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import { GatewayError, type GatewayClient } from '../gateway/client.ts';
import type { OutboxService } from '../outbox/outbox-service.ts';
import type { SettingsRepo } from '../store/settings-repo.ts';
import type { ReceiptPrinter } from '../../drivers/printer/printer.ts';
import type { VisitorSessions } from '../session/visitor-session.ts';
import { complaintReceipt, ticketReceipt, type ServiceReceiptContext } from '../receipt/service-receipts.ts';
import { isOwnNumberValid, nextOfflineTicket, nextTrackingNumber } from '../numbering/local-numbers.ts';
import type { GuessLimiter } from '../payment/guess-limiter.ts';
import { fromGateway } from './gateway-errors.ts';
import { addLocalDays } from '../numbering/local-time.ts';

export interface ServiceHandlerDeps {
  catalogue: () => { version: number; catalogue: Catalogue };
  sessions: VisitorSessions;
  outbox: OutboxService;
  settings: SettingsRepo;
  gateway: GatewayClient;
  printer: ReceiptPrinter;
  receipts: ServiceReceiptContext;
  kioskId: string;
  kioskNumber: number;
  isOnline: () => boolean;
  now: () => Date;
  /** How long the visitor waits for the gateway's answer before local numbering is used. */
  answerWaitMs: number;
  /** Kiosk-wide limit on wrong tracking-number look-ups (shared with receipt reprints). */
  guesses?: GuessLimiter;
}

type ServiceMethods = 'catalogue.get' | 'printer.check' | 'complaint.submit' | 'complaint.status' | 'complaint.print' | 'ticket.issue';

/** "moi-traffic" → "MT": the short code printed on tickets and called by the counter. */
export const counterGroupCode = (id: string) =>
  id
    .split('-')
    .map((part) => part[0] ?? '')
    .join('')
    .toUpperCase()
    .slice(0, 4);

/** Catalogue, complaints and queue tickets: they work offline through the outbox. */
export function serviceHandlers(d: ServiceHandlerDeps): Pick<Handlers, ServiceMethods> {
  // Due dates are the profile's local calendar days, like the numbers.
  const addDays = (at: Date, days: number) => addLocalDays(at, days, d.receipts.timeZone);
  function complaintParts(entityId: string, typeId: string): { entity: Bilingual; type: Bilingual; responseDays: number } {
    const entity = d.catalogue().catalogue.entities.find((e) => e.id === entityId);
    const type = entity?.complaintTypes.find((t) => t.id === typeId);
    if (!entity || !type) throw new KioskError('notFound', 'unknown entity or complaint type');
    return { entity: entity.name, type: type.name, responseDays: type.responseDays };
  }

  /** The answer date the visitor is promised: one computation for the screen, the paper and the status. */
  function promisedDue(row: { createdAt: string; complaint: { entityId: string; typeId: string } }): string {
    return addDays(new Date(row.createdAt), complaintParts(row.complaint.entityId, row.complaint.typeId).responseDays);
  }

  async function printComplaint(trackingNumber: string, locale: Locale): Promise<boolean> {
    const row = d.outbox.complaint(trackingNumber);
    if (!row) throw new KioskError('notFound', 'no such complaint at this kiosk');
    const parts = complaintParts(row.complaint.entityId, row.complaint.typeId);
    const doc = complaintReceipt(d.receipts, locale, { trackingNumber, entity: parts.entity, type: parts.type, dueDate: promisedDue(row), queued: row.deliveryState === 'pending' }, d.now());
    return (await d.printer.print(doc)).ok;
  }

  return {
    'catalogue.get': () => d.catalogue(),
    'printer.check': async (): Promise<DeviceSummary> => {
      const s = await d.printer.checkStatus();
      return { name: 'printer', state: s.device, ...(s.supply && { supply: s.supply }), ...(s.detail && { detail: s.detail }) };
    },
    'complaint.submit': async (p): Promise<ComplaintReceipt> => {
      const session = d.sessions.require();
      const parts = complaintParts(p.entityId, p.typeId);
      const now = d.now();
      const trackingNumber = nextTrackingNumber(d.settings, d.kioskNumber, now, d.receipts.timeZone);
      session.complaints.add(trackingNumber);
      d.outbox.enqueueComplaint({
        trackingNumber,
        kioskId: d.kioskId,
        entityId: p.entityId,
        typeId: p.typeId,
        kind: p.kind,
        text: p.text,
        ...(p.mobile && { mobile: p.mobile }),
        locale: session.locale,
        submittedAt: now.toISOString(),
      });
      const row = d.isOnline() ? await d.outbox.waitForComplaint(trackingNumber, d.answerWaitMs) : d.outbox.complaint(trackingNumber);
      await printComplaint(trackingNumber, session.locale).catch(() => false);
      return { trackingNumber, dueDate: row ? promisedDue(row) : addDays(now, parts.responseDays), queued: row?.deliveryState !== 'delivered' };
    },
    'complaint.status': async ({ trackingNumber }) => {
      d.guesses?.check();
      const local = d.outbox.complaint(trackingNumber);
      // This kiosk's own numbers carry a check group it can verify without asking the gateway.
      if (!local && isOwnNumberValid(d.settings, 'complaint', d.kioskNumber, trackingNumber, d.now()) === false) {
        d.guesses?.wrong();
        throw new KioskError('notFound', 'no complaint with that tracking number');
      }
      if (local?.deliveryState === 'pending') return { trackingNumber, status: 'received', dueDate: promisedDue(local), updatedAt: local.createdAt };
      const s = await d.gateway.complaintStatus(trackingNumber).catch((err: unknown) => {
        if (err instanceof GatewayError && err.kind === 'notFound') d.guesses?.wrong();
        return fromGateway(err);
      });
      // Filed here: the date this kiosk promised, so the screen never contradicts the receipt.
      return { trackingNumber: s.trackingNumber, status: s.status, dueDate: local ? promisedDue(local) : s.dueDate, updatedAt: s.updatedAt, ...(s.reply && { reply: s.reply }) };
    },
    'complaint.print': async ({ trackingNumber }) => {
      const session = d.sessions.require();
      // Only the visitor who filed it prints it (the status screen shows a status, never the text).
      if (!session.complaints.has(trackingNumber)) throw new KioskError('notFound', 'no complaint with that tracking number in this session');
      return { printed: await printComplaint(trackingNumber, session.locale) };
    },
    'ticket.issue': async ({ serviceId }): Promise<TicketView> => {
      const session = d.sessions.require();
      const service = d.catalogue().catalogue.services.find((s) => s.id === serviceId);
      if (!service || service.channel !== 'counterOnly' || !service.counterGroup) throw new KioskError('notFound', 'no counter service with that id');
      const now = d.now();
      const group = counterGroupCode(service.counterGroup);
      // Every request carries its offline number, so the centre knows it whatever answers first.
      const localNumber = nextOfflineTicket(d.settings, d.kioskNumber, group, now, d.receipts.timeZone);
      const id = d.outbox.enqueueTicket({ kioskId: d.kioskId, serviceId, counterGroup: group, localNumber, issuedAt: now.toISOString() });
      const row = d.isOnline() ? await d.outbox.waitForTicket(id, d.answerWaitMs) : d.outbox.ticket(id);
      const answered = row?.ticket;
      const view: TicketView = answered
        ? { number: answered.number, counterGroup: answered.counterGroup, waitingAhead: answered.waitingAhead, estimatedWaitMinutes: answered.estimatedWaitMinutes, offline: false, serviceName: service.name }
        : { number: localNumber, counterGroup: group, offline: true, serviceName: service.name };
      await d.printer
        .print(ticketReceipt(d.receipts, session.locale, { number: view.number, counterGroup: view.counterGroup, service: service.name, ...(view.estimatedWaitMinutes !== undefined && { estimatedWaitMinutes: view.estimatedWaitMinutes }), offline: view.offline }, now))
        .catch(() => undefined);
      return view;
    },
  };
}
