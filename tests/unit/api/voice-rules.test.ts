/** 职工建言's pure rules: which step follows which, the forwarded text's anonymity, the 安康杯 tally. */
import {
  canStep,
  chinaMonth,
  forwardText,
  identifiersOf,
  mentionsIdentity,
  tallyByUnit,
} from '../../../cloudfunctions/api/src/rules/voice';

const AT = new Date('2026-11-30T17:30:00Z'); // 2026-12-01 01:30 in China

describe('steps', () => {
  it('accepts or declines only what waits, and nothing after closing', () => {
    expect(canStep('accept', 'submitted')).toBe(true);
    expect(canStep('withdraw', 'accepted')).toBe(false);
    expect(canStep('reply', 'forwarded')).toBe(true);
    expect(canStep('reply', 'closed')).toBe(false);
    expect(canStep('forward', 'submitted')).toBe(false);
    expect(canStep('close', 'declined')).toBe(false);
  });

  it('counts a report in its China month', () => {
    expect(chinaMonth(AT)).toBe('2026-12');
  });
});

describe('the text sent to the employer', () => {
  const hazard = {
    kind: 'hazard' as const,
    name: '王建军',
    orgName: '测试机械厂工会',
    submittedAt: AT,
    hazard: { description: '通道堵塞。', place: '三号车间', urgency: 'critical' as const, photoCount: 2 },
  };

  it('names nobody when anonymous, and the member when named', () => {
    const anonymous = forwardText({ ...hazard, anonymous: true });
    expect(anonymous).toContain('职工匿名反映（2026-12-01）');
    expect(anonymous).toContain('【安全隐患·紧急】');
    expect(anonymous).toContain('情况：通道堵塞，附现场照片2张。');
    expect(anonymous).not.toContain('王建军');
    expect(forwardText({ ...hazard, anonymous: false })).toContain('职工王建军（测试机械厂工会）反映');
  });

  it('finds the reporter’s identifiers in a note', () => {
    expect(mentionsIdentity('请联系王建军核实', ['王建军', 'CZ1'])).toBe(true);
    expect(mentionsIdentity('请三日内整改', ['王建军', 'CZ2021087301'])).toBe(false);
    // Spaced or punctuated apart, another case, or the given name alone.
    const ids = identifiersOf({ name: '王建军', cardNo: 'CZT-000123', openid: 'o-abc' });
    for (const note of ['请联系王 建 军核实', '王·建军', '建军师傅反映', '卡号czt000123', 'CZT 000123'])
      expect(mentionsIdentity(note, ids)).toBe(true);
    expect(mentionsIdentity('请三日内整改消防通道', ids)).toBe(false);
  });
});

describe('the 安康杯 tally', () => {
  it('counts per unit by urgency and state, adopted suggestions, and leaves withdrawn reports out', () => {
    const u = { orgId: 'g1', orgName: '甲厂工会' };
    const rows = tallyByUnit([
      { ...u, kind: 'hazard', status: 'closed', urgency: 'critical' },
      { ...u, kind: 'hazard', status: 'forwarded', urgency: 'normal' },
      { ...u, kind: 'hazard', status: 'declined', urgency: 'urgent' },
      { ...u, kind: 'hazard', status: 'withdrawn', urgency: 'urgent' },
      { ...u, kind: 'suggestion', status: 'closed', adopted: true, recognised: true },
      { ...u, kind: 'suggestion', status: 'replied' },
      { orgId: 'g2', orgName: '乙厂工会', kind: 'suggestion', status: 'submitted' },
    ]);
    expect(rows.map((r) => r.orgId)).toEqual(['g1', 'g2']);
    expect(rows[0]).toMatchObject({
      hazards: 3,
      hazardsCritical: 1,
      hazardsUrgent: 1,
      hazardsNormal: 1,
      hazardsOpen: 1,
      hazardsClosed: 1,
      hazardsDeclined: 1,
      suggestions: 2,
      suggestionsAdopted: 1,
      suggestionsRecognised: 1,
    });
    expect(rows[1]).toMatchObject({ hazards: 0, suggestions: 1, suggestionsAdopted: 0 });
  });
});
