// Question signals as data: ownership cues, off-topic phrases, and how service mentions are weighed.

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
const list = (text: string): string[] =>
  text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);

/** Words that make a question an ownership question. */
export const OWNERSHIP_CUES = new Set(
  `who whose whom responsible responsibility responsibilities job duty owns own owner ownership handle handles
  manage manages managed managing patch patches patching patched configure configures maintain maintains secure
  secures protect protects operate operates runs run us we our aws amazon them they customer customers side
  hook problem call task burden accountable liable charge fault mistake blame miss risk supposed raci column
  split shared divided both worry worried concern concerned`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that ask outright who owns something: they make a how-to an ownership question after all ("how do I know
 * who patches…") and mark the sentence that asks in a message of several.
 */
export const ASKING_WORDS = new Set(
  words('who whose responsible responsibility job owns owner accountable party'),
);

/** Service models, each implying AWS's usual example of it: IaaS EC2, PaaS RDS (a managed platform), SaaS S3. */
export const SERVICE_MODELS: Record<string, string> = { iaas: 'ec2', paas: 'rds', saas: 's3' };

/**
 * Off-topic signals: phrases that mark a question as something other than an SRM ownership question
 * (other clouds, personal devices, prices, service status, how-tos, HR and org charts).
 */
export const OFF_TOPIC_PHRASES: Record<string, string[]> = {
  'other-cloud':
    list(`azure, gcp, google cloud, microsoft cloud, oracle cloud, digitalocean, ibm cloud, alibaba cloud,
    heroku, linode, cloudflare workers, on gke, in gke, aks cluster`),
  personal:
    list(`my phone, iphone, android, laptop, my pc, home router, my router, wifi, wi-fi, printer, my car,
    smart tv, home network, macbook, personal computer, my desktop, my tv, smartwatch, tablet, ipad,
    playstation, xbox, personal laptop, personal phone, personal email, personal account, personal device,
    personal project, raspberry pi, home nas, my nas, gmail, my kid, my family, home pc,
    home computer, my computer, bank account, my bank, usb stick, usb drive, thumb drive, my photos, at home,
    homelab, home lab, netflix, spotify, whatsapp, instagram, facebook, tiktok, my chats, my messages,
    ordered from amazon, amazon order, amazon package, package we ordered, delivery, amazon prime, prime day`),
  // Not AWS at all: counts only when the question names no AWS service and is not about leaving the place.
  elsewhere:
    list(`on prem, on premise, on premises, onprem, colo, colocation, co location, vmware, vsphere, esxi,
    hyper v, openstack, proxmox, nutanix`),
  price: list(`cost, costs, price, prices, pricing, priced, cheaper, cheapest, expensive, billed, charge for,
    charges, how much, per month, per gb, discount, savings plan, reserved instance pricing, free tier,
    budget, aws bill, the bill, our bill, pays, pay for, paying for, invoice amount, free, extra charge, sell, sells,
    where to buy, where can i buy`),
  status: list(`outage, outages, is down, down right now, health dashboard, status page, service health,
    timing out, degraded, is it down, latency spike`),
  howto:
    list(`invoice, invoices, billing, bill, cli command, aws cli, command to, the command, syntax, tutorial,
    step by step, code sample, sdk example, boto3, terraform, cloudformation template, yaml for,
    how do i mount, how to mount, how do i create, how do i set up, how do i install,
    how do i download, how do i export, how do i copy, how can i, how i can, how we can, how to, center a div, regex,
    translate, how 2, how do i, how do we, how can we, how long, how many, how often, how fast, max size,
    maximum size, limit on, difference between, which instance type, best instance, write me, example of,
    recommend, which app, what app, best app, where do i, where can i, where do we find, where can we find,
    can you write, write a script, bash script, python script, shell script, script to, which framework,
    which compliance framework, start with, so slow, is slow, too slow, slow query, cold start, cold starts,
    keeps crashing, keeps failing, stack trace, error code, getting an error, throws an error, best course,
    prepare for, study for, exam, practice test, steps to, walk me through, json for, least painful way,
    best way to, default quota, quota for, quotas, actually do, what are the differences, differences,
    would you pick, should we use, why does, why can t, why cant, why won t, why doesn t,
    open a ticket, add me to, summarize, summarise, please enable, please rotate, please create, please add,
    please turn on, rotate my keys, for me, faster, slower, lower latency, higher throughput, can be up to, gb, tb,
    which one supports, does it support, support for`),
  // Which of our own teams or people does something: an org chart's question, never AWS's model.
  team: list(
    `which team, what team, which squad, what squad, same question, the other service, the other one`,
  ),
  org: list(`vacation, pto, expense, hr, payroll, on call, on-call, all-hands, all hands,
    talk to, office badge, replacement badge, office, slides, onboarding deck, my manager or,
    promotion, salary, lunch, pizza, weather, snow, football, match last night, birthday, jira,
    standup, meeting, interview, hiring, postmortem, post-mortem, post mortem, retro, pull request,
    my pr, code review, review my, prs, pr review, process for, roadmap, planning doc, offsite, snacks, account manager,
    account rep, instance size, what instance, which instance, when is the next, when the next, sign up for,
    register for, webinar, keynote, hackathon, summit, raffle, joke, poem, haiku, riddle, limerick, song about,
    shared drive, google drive, dropbox, onedrive, sharepoint, slack workspace, slack channel`),
};

/** Words just before a service name that make it the service the question is about ("pods on Fargate"). */
export const SERVICE_FOCUS_BEFORE = new Set(
  words('on in inside within under behind to onto into using via for'),
);
/** Words before a service name that mark it as not the subject ("moving from EC2 to RDS"). */
export const SERVICE_AWAY_BEFORE = new Set(['from', 'off', 'instead', 'than', 'leaving', 'replacing', 'not']);
/** Words a few places before a service name that put it in an aside about what was replaced. */
export const SERVICE_REPLACED_BEFORE = new Set(['instead', 'rather', 'replacing', 'replaced']);
/** Words skipped when looking for the word before a service name. */
export const SERVICE_SKIP_BEFORE = new Set(words('a an the our my your their its amazon aws'));
/**
 * Cross-cutting services: security, identity, logging and governance tools. Their names are subject matter
 * ("guardduty enablement?" asks about threat detection), and named alongside a workload service, the workload
 * service is the subject.
 */
export const GENERIC_SERVICES = new Set(
  words(`iam iam-identity-center kms cloudhsm acm secrets-manager cloudtrail cloudwatch config vpc guardduty
  security-hub inspector macie detective waf shield network-firewall firewall-manager
  organizations control-tower artifact backup`),
);
/** Service → services it is more specific than when both are named ("EKS pods on Fargate" is Fargate). */
export const MORE_SPECIFIC_THAN: Record<string, string[]> = {
  fargate: ['ecs', 'eks', 'ec2'],
  ecs: ['ec2'],
  eks: ['ec2'],
  'elastic-beanstalk': ['ec2'],
  aurora: ['rds'],
};
/**
 * Words that imply a service when none is named ("our linux instances" are EC2 instances). Used only when
 * the topic's owner depends on the service.
 */
export const IMPLIED_SERVICE: Record<string, string[]> = {
  ec2: words(
    'instance instances vm vms virtual box boxes linux windows ubuntu ami amis iptables rhel centos debian ssh rdp kernel bastion jumpbox rented rent',
  ),
};
/** One-word service names that are also ordinary words: they count only after "aws"/"amazon" ("AWS Config"). */
export const AMBIGUOUS_ALIASES = new Set(
  'config backup shield inspector batch support connect organizations artifact glue detective outposts chatbot pipes'.split(
    ' ',
  ),
);
