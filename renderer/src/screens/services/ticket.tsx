import { useEffect, useState } from 'preact/hooks';
import type { TicketView } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { useCatalogue } from '../../catalogue-context.ts';
import { DeviceIllustration } from '../../components/device-illustration.tsx';
import { Busy, FinishButton, Screen } from '../../components/screen.tsx';

/** A queue ticket for a counter-only service: printed with number, counter group and wait. */
export function Ticket(props: { serviceId?: string }) {
  const { t, state, run } = useApp();
  const catalogue = useCatalogue();
  const l = state.locale;
  const [ticket, setTicket] = useState<TicketView | undefined>();
  const [entityId, setEntityId] = useState<string | undefined>();
  const counterServices = (catalogue?.services ?? []).filter((s) => s.channel === 'counterOnly' && s.counterGroup);
  const entities = (catalogue?.entities ?? []).filter((e) => counterServices.some((s) => s.entityId === e.id));

  async function issue(serviceId: string) {
    const r = await run('ticket.issue', { serviceId });
    if (r) setTicket(r);
  }

  // Coming from a service page: issue straight away.
  useEffect(() => {
    if (props.serviceId) void issue(props.serviceId);
  }, [props.serviceId]);

  if (ticket) {
    const entity = catalogue?.entities.find((e) => e.id === (entityId ?? counterServices.find((x) => x.name[l] === ticket.serviceName[l])?.entityId));
    return (
      <Screen title={t('ticket.yours')} back={false} testId="ticket-done" class="end-screen" step={{ journey: 'ticket', at: 2 }} actions={<FinishButton />}>
        <p class="ticket-number" dir="ltr" data-testid="ticket-number">
          {ticket.number}
        </p>
        <p class="ticket-service">{ticket.serviceName[l]}</p>
        <p data-testid="ticket-counter">{entity ? t('visitor.ticket.counter', { entity: entity.name[l], code: ticket.counterGroup }) : t('ticket.counter', { group: ticket.counterGroup })}</p>
        {ticket.estimatedWaitMinutes !== undefined && <p data-testid="ticket-wait">{t('ticket.wait', { count: ticket.estimatedWaitMinutes })}</p>}
        {ticket.offline && (
          <p class="note warn" data-testid="ticket-offline">
            {t('ticket.offline')}
          </p>
        )}
        <p class="note ok" role="status">
          {t('ticket.printed')}
        </p>
        <DeviceIllustration action="receipt" caption="visitor.device.ticket" />
      </Screen>
    );
  }
  return (
    <Screen title={t('ticket.title')} testId="ticket" step={{ journey: 'ticket', at: entityId ? 1 : 0 }}>
      {state.busy && <Busy label={t('ticket.printing')} />}
      {!props.serviceId && !entityId && (
        <div class="list">
          {entities.map((e) => (
            <button type="button" class="list-item" key={e.id} data-testid={`ticket-entity-${e.id}`} onClick={() => setEntityId(e.id)}>
              {e.name[l]}
            </button>
          ))}
        </div>
      )}
      {!props.serviceId && entityId && (
        <div class="list">
          {counterServices
            .filter((s) => s.entityId === entityId)
            .map((s) => (
              <button type="button" class="list-item" key={s.id} data-testid={`ticket-service-${s.id}`} disabled={state.busy} onClick={() => void issue(s.id)}>
                {s.name[l]}
              </button>
            ))}
        </div>
      )}
    </Screen>
  );
}
