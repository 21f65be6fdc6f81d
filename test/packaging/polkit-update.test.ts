import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { INSTALL_HELPER } from '../../main/shell/updates.ts';

/**
 * packaging/linux/50-khidma-update.rules evaluated as polkitd does: a fresh JavaScript context
 * whose `polkit` has polkitd's own addRule, rule runner and Result values (from polkitd's
 * init.js: rules are tried in order, the first truthy answer wins, NOT_HANDLED is null) and
 * whose actions answer lookup() from their details, as pkexec sets them ("program", "user").
 */
const file = (name: string) => readFileSync(fileURLToPath(new URL(`../../packaging/linux/${name}`, import.meta.url)), 'utf8');
const OUR_ACTION = 'org.khidma.kiosk.install-update';

function loadRules() {
  const rules: ((action: unknown, subject: unknown) => unknown)[] = [];
  const adminRules: unknown[] = [];
  const polkit = {
    Result: { NO: 'no', YES: 'yes', AUTH_SELF: 'auth_self', AUTH_SELF_KEEP: 'auth_self_keep', AUTH_ADMIN: 'auth_admin', AUTH_ADMIN_KEEP: 'auth_admin_keep', NOT_HANDLED: null },
    addRule: (fn: (action: unknown, subject: unknown) => unknown) => void rules.push(fn),
    addAdminRule: (fn: unknown) => void adminRules.push(fn),
    log: () => {},
    spawn: () => {
      throw new Error('the rule must not spawn programs');
    },
  };
  runInNewContext(file('50-khidma-update.rules'), { polkit }, { filename: '50-khidma-update.rules' });
  /** polkitd's _runRules: the first rule with a truthy answer decides; null means polkit's defaults apply. */
  const decide = (actionId: string, details: Record<string, string>, user: string) => {
    const action = { id: actionId, lookup: (key: string) => details[key] };
    const subject = { user, pid: 4242, groups: [user], seat: 'seat0', session: 'c1', local: true, active: true, isInGroup: (g: string) => g === user };
    for (const rule of rules) {
      const answer = rule(action, subject);
      if (answer) return answer;
    }
    return null;
  };
  return { rules, adminRules, decide };
}

describe('polkit rule for the update helper (50-khidma-update.rules)', () => {
  const pkexec = (program: string) => ({ program, user: 'root', command_line: `${program} /var/lib/khidma/.cache/khidma-updater/pending/khidma_0.2.0_amd64.deb` });

  it("is plain ES5, as polkitd's Duktape interpreter needs (espree, as ESLint resolves it, parses it as ES5; ES2015 fails there)", () => {
    const espree = createRequire(createRequire(import.meta.url).resolve('eslint'))('espree') as { parse: (code: string, o: { ecmaVersion: number }) => unknown };
    expect(() => espree.parse(file('50-khidma-update.rules'), { ecmaVersion: 5 })).not.toThrow();
    expect(() => espree.parse('polkit.addRule((a, s) => null);', { ecmaVersion: 5 })).toThrow();
  });

  it('adds exactly one rule and no admin rule', () => {
    const { rules, adminRules } = loadRules();
    expect(rules).toHaveLength(1);
    expect(adminRules).toHaveLength(0);
  });

  it('says YES to the khidma user running exactly the helper through pkexec (its own action, or the generic exec one)', () => {
    const { decide } = loadRules();
    expect(decide(OUR_ACTION, pkexec(INSTALL_HELPER), 'khidma')).toBe('yes');
    expect(decide('org.freedesktop.policykit.exec', pkexec(INSTALL_HELPER), 'khidma')).toBe('yes');
  });

  it('leaves every other program to polkit: a shell, dpkg, a look-alike path', () => {
    const { decide } = loadRules();
    for (const program of ['/bin/bash', '/usr/bin/dpkg', '/usr/bin/apt-get', '/usr/lib/khidma/../khidma/khidma-install-update', `${INSTALL_HELPER} `, '/tmp/khidma-install-update', '']) {
      expect(decide('org.freedesktop.policykit.exec', pkexec(program), 'khidma'), program).toBeNull();
      expect(decide(OUR_ACTION, pkexec(program), 'khidma'), program).toBeNull();
    }
    expect(decide('org.freedesktop.policykit.exec', {}, 'khidma')).toBeNull();
  });

  it('leaves every other user to polkit, root and look-alike names included', () => {
    const { decide } = loadRules();
    for (const user of ['root', 'nobody', 'technician', 'Khidma', 'khidma2', '']) {
      expect(decide(OUR_ACTION, pkexec(INSTALL_HELPER), user), user).toBeNull();
      expect(decide('org.freedesktop.policykit.exec', pkexec(INSTALL_HELPER), user), user).toBeNull();
    }
  });

  it('leaves other actions to polkit even when they carry the helper as a detail', () => {
    const { decide } = loadRules();
    for (const id of ['org.freedesktop.login1.reboot', 'org.freedesktop.systemd1.manage-units', 'org.freedesktop.packagekit.package-install', 'org.dpkg.pkexec.update-alternatives']) {
      expect(decide(id, pkexec(INSTALL_HELPER), 'khidma'), id).toBeNull();
    }
  });
});

describe('polkit action for the update helper (org.khidma.kiosk.install-update.policy)', () => {
  const policy = file('org.khidma.kiosk.install-update.policy');

  it('maps pkexec of exactly the helper to its own action, which needs an administrator for everyone else', () => {
    expect(policy).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE policyconfig PUBLIC "-\/\/freedesktop\/\/DTD PolicyKit Policy Configuration 1\.0\/\/EN"/);
    const actions = [...policy.matchAll(/<action id="([^"]+)">([\s\S]*?)<\/action>/g)];
    expect(actions.map((a) => a[1])).toEqual([OUR_ACTION]);
    const body = actions[0]![2]!;
    expect([...body.matchAll(/<annotate key="([^"]+)">([^<]*)<\/annotate>/g)].map((a) => [a[1], a[2]])).toEqual([['org.freedesktop.policykit.exec.path', INSTALL_HELPER]]);
    for (const when of ['allow_any', 'allow_inactive', 'allow_active']) expect(body).toContain(`<${when}>auth_admin</${when}>`);
  });

  it('the rule names the same helper path as the shell (main/shell/updates.ts)', () => {
    expect(file('50-khidma-update.rules')).toContain(`var helper = "${INSTALL_HELPER}";`);
  });
});
