// Matching mechanisms on the real knowledge base: each row is one class of question, in our own words.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.ts';
import type { Answer } from '../../src/core/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const loaded = loadKnowledge();
if (!loaded.ok) throw new Error('knowledge/ does not load');
const engine = createEngine(loaded.kb);
const said = (a: Answer): string => (a.kind === 'answered' ? a.owner : a.kind);

describe('owner per class of question', () => {
  it.each([
    // a bare "who patches <single-tenant managed service>" is the split, a concrete layer has one owner
    ['who does the patching for our opensearch domain', 'Shared'],
    ['who patches the operating system under rds', 'AWS'],
    // a shared control as a whole vs the customer's half of it
    ['change control as a control, whose is it', 'Shared'],
    ['change management for the cloudformation stacks in our account', 'Customer'],
    // "auto-patch" is patching, not Lambda's Auto mode
    ['does amazon auto-patch our ec2 instances', 'Customer'],
    // security tools are the subject, not just where a task happens
    ['macie enablement?', 'Customer'],
    // moving off premises is still an AWS question
    ['we are leaving our on-prem vmware for ec2: who patches the guest os there', 'Customer'],
    // "physical" or "hardware" names the layer, whatever service the servers run
    ['who looks after the physical hosts behind our lightsail instances', 'AWS'],
    ['who replaces broken hardware under our elasticache cluster', 'AWS'],
    // "which … can" and "allowed to" are permissions on a resource, not "IT controls"
    ['who controls which roles can read messages from our sqs queue', 'Customer'],
    ['which users are allowed to publish to our sns topic, is that on aws', 'Customer'],
    // the service in an "instead of" aside is not the subject; "virtual machines" are EC2 instances
    ['we picked dynamodb instead of mongo on ec2, so who patches the database engine', 'AWS'],
    ['who installs os patches on the virtual machines we rent from aws', 'Customer'],
    // a service model with a layer asks about the layer, for that model's kind of service
    ['in paas, who patches the operating system', 'AWS'],
    ['under iaas who manages the os', 'Customer'],
    ['for saas products, who is responsible for the data we put in', 'Customer'],
    // the model as the frame of a question is not its subject, unless nothing else is asked
    ['under the shared responsibility model, who turns on mfa for the root user', 'Customer'],
    ['who does what under the shared responsibility model', 'Shared'],
    // phone-typed abbreviations; servers you rent are your instances
    ['eks ctrl plane', 'AWS'],
    ['rds hw maint', 'AWS'],
    ['who patches the os on the servers we rent from amazon', 'Customer'],
    // retention is chosen by the customer even where AWS takes the backups; flaws by their usual names
    ['who picks how many days rds retains our automated backups', 'Customer'],
    ['who protects our web app from sql injection and cross-site scripting', 'Customer'],
    // an API Gateway endpoint is an API, not a VPC endpoint
    ['who configures the authorizer on our api gateway endpoints', 'Customer'],
    // a passing "outage" or "meeting" does not outweigh a plain ownership question
    ["after last week's outage review: who owns power and cooling in the aws data centres", 'AWS'],
  ])('%j → %s', (q, owner) => {
    expect(said(engine.ask(q))).toBe(owner);
  });

  it.each([
    // a bare workload service names no control
    'rds?',
    'our s3 buckets',
    'ec2 boxes',
    // a bare security service whose topics disagree on the owner
    'kms?',
    // not AWS
    'who patches the windows servers in our on-prem datacenter',
    // a definition, not an owner
    'what is an s3 bucket',
  ])('%j is not answered with an owner', (q) => {
    expect(engine.ask(q).kind).toBe('unsure');
  });

  it("never reads the asker's own compliance as AWS's audit programme", () => {
    expect(said(engine.ask('are we on the hook for our own soc 2 report on the app we run on aws'))).not.toBe(
      'AWS',
    );
  });

  it('still answers a security service with its subject ("kms keys?")', () => {
    expect(said(engine.ask('kms keys?'))).toBe('Customer');
  });
});
