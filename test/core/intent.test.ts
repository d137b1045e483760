// Intent: which questions are not ownership questions at all, whatever words they share with the topics.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/core/intent.ts';
import { tokenize } from '../../src/core/normalize.ts';

const intent = (q: string, anchored = false) => readIntent(tokenize(q), { anchored });

describe('readIntent', () => {
  it.each([
    ['who patches the windows servers in our on-prem datacenter', 'elsewhere'],
    ['who patches the vms in vsphere at our colo', 'elsewhere'],
    ['tell me a joke about security groups', 'org'],
    ['when is the next security awareness session', 'org'],
    ['our kubernetes cluster at home keeps crashing', 'personal'],
    ['is encryption at rest free on s3', 'price'],
    ['does aws sell hardware tokens for mfa', 'price'],
    ['is s3 having an outage right now', 'status'],
    // a person, or who did something: not a party's duty
    ['who is our soc 2 auditor this year', 'person'],
    ['who should be the incident commander for the game day', 'person'],
    ['who approved the change to our security groups yesterday', 'person'],
    ['who reviews prs for the terraform in our account', 'org'],
    ['which squad owns the payments lambda', 'team'],
    ['who in our org triages the security hub findings', 'person'],
    ['same question but for the other service', 'team'],
  ])('%j is off-topic (%s)', (q, category) => {
    expect(intent(q).offTopic).toBe(category);
  });

  it.each([
    // on premises, but the question is about AWS or about leaving
    ['we run the app on prem today and on ec2 tomorrow, who patches the guest os', true],
    ['moving everything out of our colo, who owns physical security now', false],
    // an outage the asker designs for is a resilience question
    ['whose job is it to make sure our app survives an az outage', false],
    // personal data is data, not a personal device
    ['gdpr compliance for the personal data we keep in rds', true],
    // "who is the owner of …" names a duty
    ['who is the owner of guest os patching on ec2', true],
    // an off-topic word the asker sets aside
    ['not a pricing question: who owns physical security of the data centres', true],
    ['status page aside, who is accountable for power and cooling', true],
    ['forget azure, on aws who patches the hypervisor', true],
  ])('%j is not off-topic', (q, anchored) => {
    expect(intent(q, anchored).offTopic).toBeNull();
  });

  it('reads a request for a definition as a how-to unless it asks about owning', () => {
    expect(intent('what is an s3 bucket').howTo).toBe(true);
    expect(intent('what is on us for rds patching').howTo).toBe(false);
    expect(intent('what is the split for patch management').howTo).toBe(false);
  });

  it('reads advice and non-native how-tos as how-tos', () => {
    expect(intent('how i can download the soc 2 report from artifact').howTo).toBe(true);
    expect(intent('which compliance framework should we start with').howTo).toBe(true);
    expect(intent('why are our lambda cold starts so slow').howTo).toBe(true);
    expect(intent('steps to turn on mfa for the root user').howTo).toBe(true);
    expect(intent('rotate my keys please').howTo).toBe(true);
    expect(intent('how 2 ssh into ec2').howTo).toBe(true);
    expect(intent('eks on fargate vs our own nodes, which starts pods faster').howTo).toBe(true);
    expect(intent('lambda container images can be up to 10 gb, right').howTo).toBe(true);
  });
});
