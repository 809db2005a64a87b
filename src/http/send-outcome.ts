import type { Response } from 'express';

import { applyFault } from '../faults/apply-fault';
import type { Outcome } from '../outcome/outcome';
import type { PreparedResponse } from './app-profile-responder';
import { sendJsonText } from './send-json';

/**
 * Sends a prepared response after the outcome's delay, broken by its fault
 * if it has one. A client that hangs up during the delay cancels the timer,
 * so closing the server never waits for it. SLOW_BODY uses the delay as the
 * time it spreads the body over, instead of waiting first.
 */
export function sendOutcome(
  res: Response,
  outcome: Outcome,
  prepared: PreparedResponse,
): void {
  const send = () => {
    if (res.destroyed) return;
    if (outcome.fault) {
      applyFault(res, outcome.fault, { ...prepared, delayMs: outcome.delayMs });
      return;
    }
    sendJsonText(res, prepared.status, prepared.text);
  };

  const wait = outcome.fault === 'SLOW_BODY' ? 0 : outcome.delayMs;
  if (wait === 0) {
    send();
    return;
  }
  const timer = setTimeout(send, wait);
  res.once('close', () => clearTimeout(timer));
}
