// English messages of the help screens, merged into en.ts. The source of keys:
// help.kk.ts and help.ru.ts must have exactly these keys.
// Page titles stay neutral: someone glancing at a tab or the history list should not learn
// what the page is about.
export const helpEn = {
  'help.nav.label': 'Help',
  'help.nav.help': 'Get help',
  'help.nav.rights': 'Your rights',
  'help.nav.selfCheck': 'Am I at risk?',

  'help.home.findHelp': 'Find help near you',
  'help.home.findHelpText': 'Crisis centres, legal aid, psychologists and police in your region.',
  'help.home.moreHeading': 'Information and support',
  'help.home.rights': 'Know your rights: what the law says, in plain words',
  'help.home.selfCheck': 'Am I at risk? Questions about your safety; your answers stay with you',


  'help.title': 'Qorgau — contacts',
  'help.heading': 'Get help now',
  'help.intro': 'If you are in danger, call first. Then you can look for services near you.',
  'help.servicesHeading': 'Services near you',
  'help.servicesIntro': 'Choose your region and what you need. Your choices are not saved: they are gone when you leave this page.',
  'help.region': 'Region',
  'help.regionChoose': 'Choose your region',
  'help.kind': 'Type of service',
  'help.kindAny': 'Any type',
  'help.needs': 'What you need',
  'help.need.shelter': 'A safe place to stay',
  'help.need.children': 'Help with children',
  'help.need.disability_access': 'Disability access',
  'help.need.24_7': 'Open 24 hours',
  'help.language': 'Language the service speaks',
  'help.languageAny': 'Any language',
  'help.chooseRegion': 'Choose your region to see services there.',
  'help.found': 'Found: {count}',
  'help.empty': 'Nothing matches these choices. Try removing a choice, or call 111: they can help you find support.',
  'help.resultsLabel': 'Services',

  'help.kind.crisis_centre': 'Crisis centre',
  'help.kind.family_support': 'Family support centre',
  'help.kind.legal_aid': 'Legal aid',
  'help.kind.psychologist': 'Psychologist',
  'help.kind.medical': 'Medical help',
  'help.kind.police_unit': 'Police',

  'help.tag.shelter': 'Place to stay',
  'help.tag.children': 'With children',
  'help.tag.disability_access': 'Disability access',

  'help.where': 'Where',
  'help.hours': 'Hours',
  'help.hours247': 'Open 24/7',
  'help.languages': 'Languages',
  'help.offers': 'Offers',
  'help.address': 'Address',
  'help.addressSecret': 'The address is not published, to keep the people there safe. Call to arrange how to come.',
  'help.call': 'Call',

  'help.rights.title': 'Qorgau — information',
  'help.rights.heading': 'Know your rights',
  'help.rights.intro':
    'What the law in Kazakhstan says, in plain words. This is general information, not legal advice: about your own situation, ask 111 or a lawyer.',
  'help.rights.contents': 'On this page',
  'help.rights.unverified': 'Some details here are still being checked against the text of the law. Please confirm them with 111 or a lawyer.',
  'help.rights.empty': 'This information is not available yet. Call 111 to ask about your rights.',
  'help.rights.nextHeading': 'Where to turn',
  'help.rights.nextHelp': 'Find help near you',
  'help.rights.nextCheck': 'Questions to think about your safety',

  'help.check.title': 'Qorgau — questions',
  'help.check.heading': 'Am I at risk?',
  'help.check.intro':
    'These questions can help you think about your safety. They are about the person who hurts or frightens you — a husband, partner, former partner or someone in the family. We call them “this person”.',
  'help.check.private': 'Your answers are not saved or sent anywhere. They exist only on this screen and are gone when you leave the page or press Exit.',
  'help.check.notDiagnosis': 'This is not a test and not a diagnosis. Only you know your situation.',
  'help.check.start': 'Start',
  'help.check.progress': 'Question {n} of {total}',
  'help.check.yes': 'Yes',
  'help.check.no': 'No',
  'help.check.back': 'Back',
  'help.check.next': 'Next',
  'help.check.restart': 'Start again',
  'help.check.clearNote': 'Starting again clears your answers.',

  'help.check.q.strangulation': 'Has this person ever squeezed your neck, choked you or stopped you from breathing?',
  'help.check.q.threat_to_kill': 'Has this person said they would kill you, your children or someone close to you?',
  'help.check.q.weapon':
    'Has this person threatened you with a knife, a gun or another weapon, or do they keep a weapon within reach?',
  'help.check.q.escalation': 'Has the violence become more frequent or more severe in recent months?',
  'help.check.q.separation': 'Have you recently separated from this person, or are you planning to leave?',
  'help.check.q.pregnancy': 'Are you pregnant, or have you given birth in the last year?',
  'help.check.q.stalking':
    'Does this person follow you, watch you, or keep calling and messaging you when you do not want them to?',
  'help.check.q.children': 'Has this person hurt or threatened your children or other children at home?',
  'help.check.q.control':
    'Is this person extremely jealous, or do they control where you go, whom you see or your money?',
  'help.check.q.substances': 'Does this person often get drunk or use drugs?',
  'help.check.q.police': 'Have the police been called because of this person before, or have they broken a protective order?',
  'help.check.q.fear': 'Are you afraid of what this person might do to you or your children?',

  'help.check.result.high.heading': 'Please think about your safety now',
  'help.check.result.high.text':
    'Some of your answers describe signs that are often present before serious violence. Please take them seriously. You do not have to face this alone.',
  'help.check.result.medium.heading': 'Some of your answers are warning signs',
  'help.check.result.medium.text':
    'Talking to someone who knows about violence can help you think through what to do. It is free and you decide what happens next.',
  'help.check.result.low.heading': 'Thank you for answering',
  'help.check.result.low.text':
    'Your answers do not include most of the warning signs we asked about. Still, only you know your situation: if you feel afraid, that matters.',
  'help.check.stepsHeading': 'What you can do',
  'help.check.step.danger': 'If you are in danger now, call the police on 102 or the emergency number 112.',
  'help.check.step.talk': 'Call 111, free and around the clock, to talk through what to do.',
  'help.check.step.centre': 'A crisis centre can give you and your children a safe place to stay.',
  'help.check.step.centreLink': 'Find a crisis centre near you',
  'help.check.step.rights': 'The law protects you.',
  'help.check.step.rightsLink': 'Know your rights',
  'help.check.step.help': 'There are services near you: psychologists, legal aid and crisis centres.',
  'help.check.step.helpLink': 'Find help near you',
  'help.check.planHeading': 'Make a safety plan',
  'help.check.plan1': 'Keep your phone charged, and learn 102 and 111 by heart.',
  'help.check.plan2': 'Keep your documents, some money, medicines and spare keys together, or with someone you trust.',
  'help.check.plan3': 'Agree a code word with someone you trust, so they know to call the police for you.',
  'help.check.plan4': 'Think about how you could leave quickly and where you could go.',
  'help.check.call': 'Call {number}',

  'help.safety.selfCheck': 'The self-check questions work only on this device: your answers are never sent or saved.',
  'help.poster.heading': 'A poster for your school, clinic or bus',
  'help.poster.intro': 'Print an A4 poster with the help numbers and a QR code that opens this page for your region.',
  'help.poster.region': 'Poster for the region',
  'help.poster.chooseRegion': 'Choose a region',
  'help.poster.language': 'Language of the poster',
  'help.poster.institution': 'Name of your institution (optional)',
  'help.poster.download': 'Download the poster (PDF)',
  'help.poster.needRegion': 'Choose a region to download its poster.',
  // Links to the report pages (which load their own messages with their chunk).
  'report.nav.report': 'Report',
  'report.nav.status': 'Check my report',
  'report.home.heading': 'Tell us what happened',
  'report.home.report': 'Report violence: for yourself or someone else, without an account',
  'report.home.status': 'Already reported? Check your report with its code',
} as const;

export type HelpMessages = Record<keyof typeof helpEn, string>;
