// The report form's data: the server's code lists, the blank answers, the body sent to
// POST /intake/reports, and how a server error maps back to a field and its step. Shared by
// Report.svelte and its step components (report/Step*.svelte); no component state here.
export const REPORTERS = ['survivor', 'witness', 'institution', 'mobile_team', 'monitoring'] as const;
export const TYPES = [
  'physical_assault',
  'psychological_abuse',
  'sexual_assault',
  'rape',
  'forced_marriage',
  'bride_kidnapping',
  'denial_of_resources',
  'stalking',
  'online_harassment',
  'bullying_of_minor',
] as const;
export const PLACES = [
  'home',
  'other_residence',
  'street',
  'public_transport',
  'workplace',
  'school',
  'health_facility',
  'online',
  'other',
] as const;
export const SEXES = ['female', 'male', 'unknown'] as const;
export const AGE_GROUPS = ['0_11', '12_17', '18_25', '26_40', '41_60', '61_plus', 'unknown'] as const;
export const RELATIONSHIPS = [
  'spouse',
  'former_spouse',
  'partner',
  'former_partner',
  'parent',
  'step_parent',
  'child',
  'sibling',
  'in_law',
  'other_relative',
  'caregiver',
  'teacher',
  'classmate',
  'colleague',
  'acquaintance',
  'stranger',
  'unknown',
] as const;
export const CONTACT_WAYS = ['phone_call', 'sms', 'whatsapp', 'telegram', 'email', 'in_person'] as const;
export const CONTACT_TIMES = ['morning', 'afternoon', 'evening', 'night', 'any_time'] as const;
// "contact_me" is not asked separately: it follows her answer to "may we contact you?".
export const CONSENTS = [
  'share_with_crisis_centre',
  'share_with_social_services',
  'share_with_health',
  'share_with_police',
  'anonymous_statistics',
] as const;
const PHONE_WAYS = ['phone_call', 'sms', 'whatsapp', 'telegram'];

export const STEPS = ['danger', 'who', 'what', 'whenWhere', 'people', 'contact', 'files', 'account'] as const;
export type Step = (typeof STEPS)[number];
// Text limits in characters: the server counts bytes (20000, 300, 1000), and a Cyrillic
// letter takes two, so these stay within them.
export const DESCRIPTION_MAX = 5000;

interface Person {
  name: string;
  iin: string;
  sex: string;
  age: string;
}
const blankPerson = (): Person => ({ name: '', iin: '', sex: '', age: '' });

export function blankReport() {
  return {
    danger: null as boolean | null,
    reporter: '',
    reporterName: '',
    organisation: '',
    types: [] as string[],
    date: '',
    region: '',
    locality: '',
    place: '',
    victim: blankPerson(),
    aggressor: blankPerson(),
    relationship: '',
    children: '' as '' | 'yes' | 'no' | 'unknown',
    contact: null as boolean | null,
    ways: [] as string[],
    times: [] as string[],
    phone: '',
    email: '',
    language: '',
    note: '',
    description: '',
    consent: [] as string[],
  };
}
export type ReportForm = ReturnType<typeof blankReport>;

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
export const needsPhone = (ways: string[]): boolean => ways.some((w) => PHONE_WAYS.includes(w));
export const ORGANISATION_REPORTERS = ['institution', 'mobile_team', 'monitoring'];

/** The body of POST /intake/reports (src/intake/report.cc parse_report). */
export function reportBody(f: ReportForm, iin: (s: string) => string): unknown {
  const person = (p: Person, extra: Record<string, string | null> = {}) => {
    const out = {
      full_name: orNull(p.name),
      iin: orNull(iin(p.iin)),
      sex: orNull(p.sex),
      age_group: orNull(p.age),
      ...extra,
    };
    return Object.values(out).some((v) => v !== null) ? out : null;
  };
  const contact = f.contact
    ? {
        ways: f.ways,
        times: f.times,
        phone: needsPhone(f.ways) ? orNull(f.phone) : null,
        email: f.ways.includes('email') ? orNull(f.email) : null,
        language: orNull(f.language),
        note: orNull(f.note),
      }
    : { ways: ['do_not_contact'], times: [], phone: null, email: null, language: null, note: null };
  return {
    reporter: {
      type: f.reporter,
      name: orNull(f.reporterName),
      organisation: ORGANISATION_REPORTERS.includes(f.reporter) ? orNull(f.organisation) : null,
    },
    incident: {
      types: f.types,
      date: orNull(f.date),
      region: f.region,
      locality: orNull(f.locality),
      place_type: orNull(f.place),
      description: orNull(f.description),
    },
    victim: person(f.victim),
    aggressor: person(f.aggressor, { relationship: orNull(f.relationship) }),
    children_present: f.children === 'yes' ? true : f.children === 'no' ? false : null,
    immediate_danger: f.danger === true,
    contact,
    consent: f.contact ? ['contact_me', ...f.consent] : [...f.consent],
  };
}

// The server names a refused field by its path ("victim.iin"); this form's name for it.
const SERVER_FIELDS: Record<string, string> = {
  immediate_danger: 'danger',
  reporter: 'reporter',
  'reporter.type': 'reporter',
  'reporter.name': 'reporterName',
  'reporter.organisation': 'organisation',
  incident: 'types',
  'incident.types': 'types',
  'incident.date': 'date',
  'incident.region': 'region',
  'incident.locality': 'locality',
  'incident.place_type': 'place',
  'incident.description': 'description',
  'victim.full_name': 'victimName',
  'victim.iin': 'victimIin',
  'victim.sex': 'victimSex',
  'victim.age_group': 'victimAge',
  'aggressor.full_name': 'aggressorName',
  'aggressor.iin': 'aggressorIin',
  'aggressor.sex': 'aggressorSex',
  'aggressor.age_group': 'aggressorAge',
  'aggressor.relationship': 'relationship',
  children_present: 'children',
  contact: 'contact',
  'contact.ways': 'ways',
  'contact.times': 'times',
  'contact.phone': 'phone',
  'contact.email': 'email',
  'contact.language': 'language',
  'contact.note': 'note',
  consent: 'consent',
};
const FIELD_STEP: Record<string, Step> = {
  danger: 'danger',
  reporter: 'who',
  reporterName: 'who',
  organisation: 'who',
  types: 'what',
  date: 'whenWhere',
  region: 'whenWhere',
  locality: 'whenWhere',
  place: 'whenWhere',
  contact: 'contact',
  ways: 'contact',
  times: 'contact',
  phone: 'contact',
  email: 'contact',
  language: 'contact',
  note: 'contact',
  description: 'account',
  consent: 'account',
};
export const stepOfField = (field: string): Step => FIELD_STEP[field] ?? 'people';

/** The form field a server error names, if any: its message quotes the field's path. */
export function fieldFromError(message: string): string | null {
  const paths = Object.keys(SERVER_FIELDS).sort((a, b) => b.length - a.length);
  const found = paths.find((p) => new RegExp(`(^|[^a-z_.])${p.replace('.', '\\.')}($|[^a-z_.])`).test(message));
  return found ? SERVER_FIELDS[found] : null;
}
