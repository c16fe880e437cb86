// English messages: the source of keys. kk.ts and ru.ts must have exactly these keys
// (checked by TypeScript), so a missing or extra translation fails the build.
// Placeholders are written {name} and filled in by t().

import { helpEn } from './help.en';
import { inboxEn } from './inbox.en';
import type { CasesMessages } from './cases.en';
import type { OrdersMessages } from './orders.en';
import type { ReportMessages } from './report.en';
import type { NotifyMessages } from './notify.en';
import type { RiskMessages } from './risk.en';
import type { SheltersMessages } from './shelters.en';
import type { PluralBase } from './plural';

export const en = {
  ...helpEn,
  ...inboxEn,
  'app.name': 'Qorgau',
  'lang.label': 'Language',
  'skip.main': 'Skip to main content',
  'common.loading': 'Loading…',
  'common.cancel': 'Cancel',
  'common.none': '—',
  'common.you': '(you)',

  'exit.button': 'Exit',
  'exit.hint': 'Leave this site at once. You can also press Esc, or press Shift three times.',

  'nav.public': 'Site',
  'nav.home': 'Home',
  'nav.safety': 'Privacy and quick exit',
  'nav.login': 'Staff sign-in',

  'home.title': 'Qorgau',
  'home.heading': 'In danger? Call now',
  'home.numbersIntro': 'Tap a number to call.',
  'home.numbersFallback': 'The latest list could not be loaded. These are the main national numbers.',
  'home.aboutHeading': 'About Qorgau',
  'home.about':
    'Qorgau is an open-source system that helps people in Kazakhstan get protection and support, and helps the police, crisis centres and other services work together.',
  'home.exitHeading': 'Leaving quickly',
  'home.exitText': 'Press Exit, the Esc key, or Shift three times to leave this site at once.',
  'home.exitLink': 'What quick exit does and does not hide',
  'home.staffHeading': 'For staff',
  'home.staffText': 'Staff of services working with Qorgau sign in here.',

  'fallback.112': 'Single emergency number',
  'fallback.102': 'Police',
  'fallback.111': 'Contact centre for family, women and children',
  'fallback.150': 'Helpline for children and young people',

  'safety.title': 'Qorgau — privacy',
  'safety.heading': 'Privacy and quick exit',
  'safety.intro':
    'If someone else uses or checks your phone or computer, these notes may help you stay safer. To be honest with you: no website can hide everything.',
  'safety.doesHeading': 'What quick exit does',
  'safety.does1': 'When you press Exit, the Esc key, or Shift three times, the page is cleared at once and replaced by an empty page.',
  'safety.does2': 'The Back button does not bring the page back: this site keeps only one entry in the tab’s history.',
  'safety.does3': 'This site stores only your choice of language on this device. It sets no cookies on its public pages and sends nothing to other websites.',
  'safety.doesNotHeading': 'What quick exit does not hide',
  'safety.doesNot1': 'Pages you have already opened stay in the browser’s history list, and the browser may suggest this address when someone types.',
  'safety.doesNot2': 'Files you downloaded stay on the device.',
  'safety.doesNot3': 'A search engine may remember what you searched for, and Back may return to those search results.',
  'safety.doesNot4': 'The device itself, your mobile operator or the network you use (for example at work) may keep their own records.',
  'safety.doesNot5': 'It does not stop someone who is watching your screen at that moment.',
  'safety.saferHeading': 'Safer ways to browse',
  'safety.safer1':
    'Use a private window (called “Incognito” or “Private browsing”). When you close it, the browser does not keep its history.',
  'safety.safer2': 'You can delete this site from your browser’s history in the browser’s settings.',
  'safety.safer3': 'If you can, use a device that the other person does not check, for example a friend’s phone.',
  'safety.spywareHeading': 'If your phone may be watched',
  'safety.spyware':
    'Someone may have installed a tracking or spy app on your phone. Such an app can see what you do even in a private window, and it can be hard to find. If you think this is happening, call for advice from a phone you trust. Removing the app suddenly may warn the person who installed it.',
  'safety.dangerHeading': 'If you are in danger now',
  'safety.danger': 'Call 112 or the police on 102.',
  'safety.numbersLink': 'All emergency numbers',

  'login.title': 'Qorgau — sign in',
  'login.heading': 'Staff sign-in',
  'login.intro': 'This area is for staff of services working with Qorgau.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.required': 'Enter your username and password.',
  'login.sessionEnded': 'Your session has ended. Please sign in again.',

  'error.network': 'Could not reach the server. Check your connection and try again.',
  'error.unexpected': 'Something went wrong (error {status}). Please try again.',

  'notFound.title': 'Qorgau — page not found',
  'notFound.heading': 'Page not found',
  'notFound.text': 'There is no page at this address.',
  'notFound.home': 'Go to the home page',

  'staff.title': '{page} — Qorgau',
  'staff.home': 'Qorgau staff area',
  'staff.userInfo': 'Signed-in user',
  'staff.logout': 'Log out',
  'staff.loggingOut': 'Logging out…',
  'staff.navLabel': 'Staff area',
  'staff.nextHeading': 'Coming next',
  'staff.forbidden': 'You do not have access to this page.',

  'nav.overview': 'Overview',
  'nav.users': 'Users',
  'nav.agencies': 'Agencies',
  'nav.audit': 'Audit log',

  'module.reports': 'Reports & triage',
  'module.cases': 'Cases',
  'module.evidence': 'Evidence',
  'module.risk': 'Risk',
  'module.orders': 'Protective orders',
  'module.shelters': 'Crisis centres',
  'module.stats': 'Statistics',

  'overview.signedInAs': 'You are signed in as {name} ({username}).',
  'overview.profileHeading': 'Your account',
  'overview.agency': 'Agency',
  'overview.agencyKind': 'Type of agency',
  'overview.region': 'Region',
  'overview.role': 'Role',
  'overview.permissionsHeading': 'What you can do',
  'overview.noPermissions': 'Your role gives you no permissions yet.',
  'overview.idleHeading': 'Automatic sign-out',
  'overview.idle':
    'For safety, you are signed out automatically after a period of inactivity. Anything not yet saved is then lost, so save often, and log out whenever you leave the device.',

  'perm.users.read': 'See user accounts',
  'perm.users.manage': 'Create and disable user accounts and set their passwords',
  'perm.agencies.read': 'See agencies',
  'perm.agencies.manage': 'Add agencies',
  'perm.audit.read': 'Read the audit log',
  'perm.audit.verify': 'Check that the audit log has not been altered',
  'perm.people.read': 'See records of people',
  'perm.people.write': 'Create and change records of people',
  'perm.help.manage': 'Edit the public help directory',
  'perm.shelters.read': 'See crisis centres and free places',
  'perm.shelters.refer': 'Hold a place and send an anonymous referral',
  'perm.shelters.operate': 'Run a crisis centre: places, referrals, residents',
  'perm.shelters.manage': 'Add crisis centres to the network',
  'perm.shelters.reports': 'See crisis-centre statistics',
  'perm.intake.triage': 'Review public reports and take them into cases',
  'perm.evidence.read': 'See, download and verify evidence files',
  'perm.evidence.write': 'Upload evidence and hand it over',
  'perm.cases.read': 'Read cases',
  'perm.cases.write': 'Open and work on cases',
  'perm.cases.export_anonymised': 'Export anonymised incident data (GBVIMS)',
  'perm.risk.instruments.manage': 'Load risk assessment questionnaires',

  'users.heading': 'Users',
  'users.caption': 'User accounts',
  'users.username': 'Username',
  'users.displayName': 'Display name',
  'users.role': 'Role',
  'users.agency': 'Agency',
  'users.status': 'Status',
  'users.actions': 'Actions',
  'users.empty': 'There are no users yet.',
  'users.disable': 'Disable',
  'users.disableLabel': 'Disable {username}',
  'users.confirmDisable': 'Disable {username}?',
  'users.confirmYes': 'Yes, disable',
  'users.disabled': 'The account {username} is now disabled.',
  'users.resetPassword': 'Set new password',
  'users.resetPasswordLabel': 'Set new password for {username}',
  'users.newPasswordFor': 'New password for {username}',
  'users.newPasswordRequired': 'Enter a new password.',
  'users.savePassword': 'Save password',
  'users.savingPassword': 'Saving…',
  'users.passwordSet': 'A new password has been set for {username}. Their sessions have ended, so they need to sign in again.',
  'users.addHeading': 'Add a user',
  'users.password': 'Password',
  'users.chooseRole': 'Choose a role',
  'users.chooseAgency': 'Choose an agency',
  'users.add': 'Add user',
  'users.adding': 'Adding…',
  'users.added': 'The account {username} has been added.',
  'users.fillAll': 'Fill in every field.',

  'status.active': 'Active',
  'status.disabled': 'Disabled',

  'agencies.heading': 'Agencies',
  'agencies.caption': 'Agencies',
  'agencies.name': 'Name',
  'agencies.kind': 'Type',
  'agencies.region': 'Region',
  'agencies.empty': 'There are no agencies yet.',
  'agencies.addHeading': 'Add an agency',
  'agencies.chooseKind': 'Choose a type',
  'agencies.chooseRegion': 'Choose a region',
  'agencies.add': 'Add agency',
  'agencies.adding': 'Adding…',
  'agencies.added': 'The agency “{name}” has been added.',
  'agencies.fillAll': 'Fill in every field.',

  'kind.police': 'Police',
  'kind.contact_centre_111': '111 contact centre',
  'kind.crisis_centre': 'Crisis centre',
  'kind.court': 'Court',
  'kind.prosecutor': 'Prosecutor’s office',
  'kind.health': 'Health care',
  'kind.education': 'Education',
  'kind.social_services': 'Social services',
  'kind.ngo': 'Non-governmental organisation',
  'kind.ministry': 'Ministry',

  'role.system_admin': 'System administrator',
  'role.auditor': 'Auditor',
  'role.agency_admin': 'Agency administrator',
  'role.operator_111': '111 operator',
  'role.police_inspector': 'Police inspector',
  'role.case_worker': 'Case worker',
  'role.shelter_staff': 'Crisis centre staff',
  'role.prosecutor': 'Prosecutor',
  'role.judge': 'Judge',
  'role.analyst': 'Analyst',
  'role.ministry_coordinator': 'Ministry coordinator (crisis centres)',

  'audit.heading': 'Audit log',
  'audit.caption': 'Audit log entries, oldest first',
  'audit.seq': 'No.',
  'audit.time': 'Time',
  'audit.actor': 'User',
  'audit.action': 'Action',
  'audit.object': 'Object',
  'audit.outcome': 'Outcome',
  'audit.empty': 'The log has no entries.',
  'audit.loadMore': 'Load more',
  'audit.end': 'End of the log.',
  'audit.verify': 'Verify chain',
  'audit.verifying': 'Verifying…',
  'audit.intact#one': 'The chain is intact: {n} entry checked.',
  'audit.intact#other': 'The chain is intact: {n} entries checked.',
  'audit.broken': 'The chain is broken at entry {seq}.',
  'audit.brokenReason': 'Reason: {reason}',
  'audit.verifyHelp': 'Each entry is linked to the one before it, so any change, deletion or reordering breaks the chain.',

  'outcome.success': 'Success',
  'outcome.failure': 'Failure',
  'outcome.denied': 'Denied',
} as const;

/** Keys of the catalogues every page carries. */
export type Messages = Record<keyof typeof en, string>;
/** Every key, including those of catalogues that load with the staff area (see
 * lib/i18n.svelte.ts registerMessages): t() accepts them all. */
export type MessageKey = keyof typeof en | keyof SheltersMessages | keyof ReportMessages | keyof CasesMessages | keyof OrdersMessages
  | keyof RiskMessages | keyof NotifyMessages;
/** The messages with a count, shown by plural() (see i18n/plural.ts). */
export type PluralKey = PluralBase<Record<MessageKey, string>>;
