import { buildSuccessEnvelope } from '../../src/envelope/envelope';
import { renderSuccessText } from '../../src/envelope/success-text';
import { generateRecords } from '../../src/profiles/generate-records';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('renderSuccessText', () => {
  it('matches JSON.stringify of the success envelope', () => {
    const records = generateRecords(1, 'a_636035705699961900', 'user-1');
    const text = renderSuccessText(JSON.stringify(records));
    const { transid } = JSON.parse(text) as { transid: string };

    expect(text).toBe(JSON.stringify({ ...buildSuccessEnvelope(records), transid }));
  });

  it('puts a fresh UUID v4 transid in each body', () => {
    const first = JSON.parse(renderSuccessText('[]')) as { transid: string };
    const second = JSON.parse(renderSuccessText('[]')) as { transid: string };

    expect(first.transid).toMatch(UUID_V4);
    expect(second.transid).not.toBe(first.transid);
  });
});
