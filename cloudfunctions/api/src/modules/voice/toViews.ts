import { toIso } from '../../lib/time';
import { URGENCY_LABELS, VOICE_KIND_LABELS, VOICE_STATUS_LABELS, forwardText } from '../../rules/voice';
import type { VoiceReportRecord } from './records';
import type { VoiceReportView } from './views';

export function toReportView(r: VoiceReportRecord): VoiceReportView {
  return {
    reportId: r._id,
    kind: r.kind,
    kindText: VOICE_KIND_LABELS[r.kind],
    title: r.title,
    status: r.status,
    statusText: VOICE_STATUS_LABELS[r.status],
    anonymous: r.anonymous,
    orgName: r.orgName,
    submittedAt: toIso(r.submittedAt),
    ...(r.urgency ? { urgency: r.urgency, urgencyText: URGENCY_LABELS[r.urgency] } : {}),
    ...(r.kind === 'suggestion' && r.status === 'closed' ? { adopted: Boolean(r.adopted) } : {}),
    ...(r.recognition ? { recognised: true } : {}),
  };
}

/** The text the employer receives for this report. */
export function forwardTextOf(r: VoiceReportRecord): string {
  return forwardText({
    kind: r.kind,
    anonymous: r.anonymous,
    name: r.name,
    orgName: r.orgName,
    submittedAt: new Date(toIso(r.submittedAt)),
    ...(r.hazard
      ? {
          hazard: {
            description: r.hazard.description,
            place: r.hazard.place,
            urgency: r.hazard.urgency,
            photoCount: r.hazard.photoIds.length,
          },
        }
      : {}),
    ...(r.suggestion ? { suggestion: r.suggestion } : {}),
  });
}
