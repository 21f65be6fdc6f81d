import { useCallback, useState } from 'preact/hooks';
import type { Method, MethodResults, Params } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';

/** Calls the core for a technician screen: busy while waiting, the refusal's code shown. */
export function useTechCall() {
  const { bridge, t } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const call = useCallback(
    async <M extends Method>(method: M, params: Params<M>): Promise<MethodResults[M] | undefined> => {
      setBusy(true);
      setError(undefined);
      const r = await bridge.call(method, params);
      setBusy(false);
      if (r.ok) return r.value;
      setError(t('tech.error', { code: r.error.code === 'conflict' || r.error.code === 'invalidRequest' ? r.error.message : r.error.code }));
      return undefined;
    },
    [bridge, t],
  );
  return { call, busy, error };
}
