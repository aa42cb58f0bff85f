// The demonstration instruments Harbor ships (docs/INSTRUMENTS.md). Original, plain-language
// wording drawn from general public knowledge of exploitation risk; not any licensed tool and not
// validated. The UI must show that they are demonstrations.
import type { InstrumentDefinition, Item, Level, Localized, Scale } from './instruments.js';

const t = (en: string, es: string): Localized => ({ en, es });

function item(
  key: string,
  scale: string,
  text: Localized,
  extra: Partial<Pick<Item, 'help' | 'critical' | 'required'>> = {},
): Item {
  return { key, scale, text, required: true, ...extra };
}

const NPS: Scale = {
  key: 'nps',
  options: [
    { value: 'no', label: t('No', 'No'), score: 0 },
    {
      value: 'possibly',
      label: t(
        'Possibly: some signs or an unconfirmed report',
        'Posiblemente: algunas señales o un informe sin confirmar',
      ),
      score: 1,
    },
    { value: 'yes', label: t('Yes: confirmed or clearly present', 'Sí: confirmado o claramente presente'), score: 2 },
  ],
};

const YN: Scale = {
  key: 'yn',
  options: [
    { value: 'no', label: t('No', 'No'), score: 0 },
    { value: 'yes', label: t('Yes', 'Sí'), score: 1 },
  ],
};

const MAX_1_2 = { method: 'max', possibleAt: 1, clearAt: 2 } as const;

const SCREEN_GUIDANCE: Record<Level, Localized> = {
  no_concern: t(
    'No concern found today. Screen again on the county schedule, and sooner if anything changes (for example the youth runs away or a new report comes in).',
    'No se encontró preocupación hoy. Vuelva a evaluar según el calendario del condado, y antes si algo cambia (por ejemplo, si el joven se escapa o llega un nuevo informe).',
  ),
  possible_concern: t(
    'Possible concern. Talk with your supervisor, make a safety plan with the youth, offer a referral to an advocate, and screen again on the schedule the county protocol sets.',
    'Posible preocupación. Hable con su supervisor, haga un plan de seguridad con el joven, ofrezca una remisión a un defensor y vuelva a evaluar según el calendario que fija el protocolo del condado.',
  ),
  clear_concern: t(
    'Clear concern. Consult your supervisor today, record the youth’s CSEC status, and ask for a multidisciplinary team (MDT) meeting. If the youth is in child welfare, the cross-report to law enforcement is due within 24 hours. Follow the county protocol for immediate safety.',
    'Preocupación clara. Consulte hoy a su supervisor, registre el estado CSEC del joven y solicite una reunión del equipo multidisciplinario (MDT). Si el joven está en el sistema de bienestar infantil, el informe cruzado a las autoridades policiales debe hacerse dentro de las 24 horas. Siga el protocolo del condado para la seguridad inmediata.',
  ),
};

const DEMO_DESCRIPTION_NOTE = t(
  'Demonstration only: written for Harbor, not validated, and not a substitute for the instrument your county has adopted.',
  'Solo de demostración: escrito para Harbor, no validado y no sustituye al instrumento que ha adoptado su condado.',
);

export const DEMO_FULL_SCREEN: InstrumentDefinition = {
  key: 'harbor-demo-full',
  name: t('Harbor demonstration full screen', 'Evaluación completa de demostración de Harbor'),
  description: t(
    `A longer screen across eight areas of a youth’s life. ${DEMO_DESCRIPTION_NOTE.en}`,
    `Una evaluación más larga de ocho áreas de la vida del joven. ${DEMO_DESCRIPTION_NOTE.es}`,
  ),
  demonstration: true,
  audience: t(
    'Staff who have known the youth for more than a day: caseworkers, probation officers, therapists, advocates.',
    'Personal que conoce al joven desde hace más de un día: trabajadores sociales, oficiales de libertad condicional, terapeutas, defensores.',
  ),
  scales: [NPS],
  sections: [
    {
      key: 'housing',
      title: t('Housing and running away', 'Vivienda y fugas'),
      items: [
        item(
          'runs_away',
          'nps',
          t(
            'Has run away or gone missing from home or placement, more than once or for more than a day.',
            'Se ha escapado o ha desaparecido de su casa o colocación, más de una vez o por más de un día.',
          ),
        ),
        item(
          'no_stable_place',
          'nps',
          t('Has no steady, safe place to sleep.', 'No tiene un lugar fijo y seguro donde dormir.'),
        ),
        item(
          'stays_with_unknown_adults',
          'nps',
          t(
            'Stays overnight in motels or with adults the family or placement does not know.',
            'Pasa la noche en moteles o con adultos que la familia o la colocación no conoce.',
          ),
        ),
        item(
          'left_without_plan',
          'nps',
          t(
            'Was put out of the home, or left a placement, with nowhere planned to go.',
            'Lo sacaron de su casa, o dejó una colocación, sin un lugar planeado a donde ir.',
          ),
        ),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'money_and_gifts',
      title: t('Money, gifts and belongings', 'Dinero, regalos y pertenencias'),
      items: [
        item(
          'unexplained_money',
          'nps',
          t(
            'Has cash, clothes, phones or other things that a job, family or allowance does not explain.',
            'Tiene dinero, ropa, teléfonos u otras cosas que no se explican por un trabajo, la familia o una mesada.',
          ),
        ),
        item(
          'cards_and_keys',
          'nps',
          t(
            'Carries several phones, prepaid cards or hotel room keys without a clear reason.',
            'Lleva varios teléfonos, tarjetas prepagadas o llaves de cuartos de hotel sin una razón clara.',
          ),
        ),
        item(
          'owes_someone',
          'nps',
          t(
            'Says they owe someone money or a favor they cannot pay back.',
            'Dice que le debe a alguien dinero o un favor que no puede pagar.',
          ),
        ),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'relationships',
      title: t('Relationships and control', 'Relaciones y control'),
      items: [
        item(
          'older_partner',
          'nps',
          t(
            'Has a boyfriend, girlfriend or close "friend" who is much older.',
            'Tiene un novio, una novia o un "amigo" cercano mucho mayor.',
          ),
        ),
        item(
          'controlled_by_someone',
          'nps',
          t(
            'Someone else seems to decide where the youth goes and whom they see, or holds their phone, money or ID.',
            'Otra persona parece decidir a dónde va el joven y con quién se ve, o le guarda el teléfono, el dinero o la identificación.',
          ),
        ),
        item(
          'afraid_of_someone',
          'nps',
          t(
            'Seems afraid of, or protective of, a person they will not name.',
            'Parece tener miedo de una persona que no quiere nombrar, o la protege.',
          ),
        ),
        item(
          'new_unknown_people',
          'nps',
          t(
            'Spends time with new friends or adults whom no one around the youth can account for.',
            'Pasa tiempo con nuevos amigos o adultos de los que nadie a su alrededor sabe nada.',
          ),
        ),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'physical_harm',
      title: t('Physical health and harm', 'Salud física y daño'),
      items: [
        item(
          'unexplained_injuries',
          'nps',
          t(
            'Has injuries with no explanation, or an explanation that does not fit.',
            'Tiene lesiones sin explicación, o con una explicación que no cuadra.',
          ),
        ),
        item(
          'marks_of_ownership',
          'nps',
          t(
            'Has a new tattoo or mark that may show a name or claim over them.',
            'Tiene un tatuaje o una marca nueva que puede mostrar un nombre o que alguien se cree su dueño.',
          ),
        ),
        item(
          'repeated_sexual_health_visits',
          'nps',
          t(
            'Has needed care more than once for pregnancy or sexually transmitted infections.',
            'Ha necesitado atención más de una vez por embarazo o infecciones de transmisión sexual.',
          ),
        ),
        item(
          'basic_needs_unmet',
          'nps',
          t(
            'Looks exhausted, underfed or unable to meet basic needs.',
            'Se ve agotado, mal alimentado o sin poder cubrir sus necesidades básicas.',
          ),
        ),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'online',
      title: t('Online activity', 'Actividad en internet'),
      items: [
        item(
          'online_adults',
          'nps',
          t(
            'Talks with adults met online who ask to meet in person or ask for pictures.',
            'Habla con adultos que conoció en internet que le piden verse en persona o le piden fotos.',
          ),
        ),
        item(
          'sexual_online_profile',
          'nps',
          t(
            'May be advertised online, or has profiles that suggest sexual activity for pay.',
            'Puede estar anunciado en internet, o tiene perfiles que sugieren actividad sexual a cambio de pago.',
          ),
        ),
        item(
          'image_pressure',
          'nps',
          t(
            'Has been pressured or threatened with sexual images of themselves.',
            'Ha sido presionado o amenazado con imágenes sexuales de sí mismo.',
          ),
        ),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'school_and_routine',
      title: t('School and daily routine', 'Escuela y rutina diaria'),
      items: [
        item(
          'missing_school',
          'nps',
          t('Often misses school or has stopped going.', 'Falta a la escuela con frecuencia o ha dejado de ir.'),
        ),
        item(
          'sudden_change',
          'nps',
          t(
            'Sudden drop in grades, or lost interest in activities they used to enjoy.',
            'Bajó de repente en sus calificaciones o perdió interés en actividades que antes disfrutaba.',
          ),
        ),
        item(
          'out_at_night',
          'nps',
          t(
            'Out late at night, or gone for days, with no explanation.',
            'Sale hasta tarde en la noche, o desaparece por días, sin explicación.',
          ),
        ),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'substance_use',
      title: t('Alcohol and drugs', 'Alcohol y drogas'),
      items: [
        item(
          'worrying_use',
          'nps',
          t(
            'Uses alcohol or drugs in a way that worries caregivers or staff.',
            'Consume alcohol o drogas de una forma que preocupa a sus cuidadores o al personal.',
          ),
        ),
        item(
          'supplied_by_adults',
          'nps',
          t(
            'Is given alcohol or drugs by adults or older peers.',
            'Adultos o jóvenes mayores le dan alcohol o drogas.',
          ),
        ),
        item(
          'use_began_with_changes',
          'nps',
          t(
            'Started using around the same time as other changes noted in this screen.',
            'Empezó a consumir más o menos al mismo tiempo que otros cambios anotados en esta evaluación.',
          ),
        ),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'exchange',
      title: t('Exchange of sex for something of value', 'Intercambio de sexo por algo de valor'),
      description: t(
        'Any sexual act exchanged for money, food, shelter, drugs, protection or anything else of value is exploitation when the person is under 18.',
        'Cualquier acto sexual a cambio de dinero, comida, alojamiento, drogas, protección o cualquier otra cosa de valor es explotación cuando la persona es menor de 18 años.',
      ),
      items: [
        item(
          'youth_says_exchanged',
          'nps',
          t(
            'The youth says they have traded sex or sexual acts for something of value.',
            'El joven dice que ha intercambiado sexo o actos sexuales por algo de valor.',
          ),
          {
            critical: true,
            help: t(
              'Rate "yes" on the youth’s own statement; no other proof is needed.',
              'Marque "sí" con la sola declaración del joven; no se necesita otra prueba.',
            ),
          },
        ),
        item(
          'someone_takes_earnings',
          'nps',
          t(
            'The youth says someone else arranges these exchanges or takes what they receive.',
            'El joven dice que otra persona arregla estos intercambios o se queda con lo que recibe.',
          ),
          { critical: true },
        ),
        item(
          'credible_report',
          'nps',
          t(
            'Someone credible reports that the youth has traded sex for something of value.',
            'Una persona confiable informa que el joven ha intercambiado sexo por algo de valor.',
          ),
        ),
        item(
          'asked_to_trade_or_recruit',
          'nps',
          t(
            'The youth says someone asked them to trade sex or to bring other youth.',
            'El joven dice que alguien le pidió intercambiar sexo o traer a otros jóvenes.',
          ),
        ),
      ],
      scoring: MAX_1_2,
    },
  ],
  overall: { method: 'sum_of_indicator_levels', possibleAt: 3, clearAt: 7 },
  guidance: SCREEN_GUIDANCE,
};

export const DEMO_BRIEF_SCREEN: InstrumentDefinition = {
  key: 'harbor-demo-brief',
  name: t('Harbor demonstration brief screen', 'Evaluación breve de demostración de Harbor'),
  description: t(
    `Six questions for a first contact, when you may meet the youth only once. ${DEMO_DESCRIPTION_NOTE.en}`,
    `Seis preguntas para un primer contacto, cuando quizás vea al joven solo una vez. ${DEMO_DESCRIPTION_NOTE.es}`,
  ),
  demonstration: true,
  audience: t(
    'Hotline staff, intake workers and first responders.',
    'Personal de línea directa, de admisión y de primera respuesta.',
  ),
  scales: [NPS],
  sections: [
    {
      key: 'where_staying',
      title: t('Where the youth stays', 'Dónde se queda el joven'),
      items: [
        item(
          'recently_missing',
          'nps',
          t(
            'Has recently run away or been missing from home or placement.',
            'Recientemente se escapó o estuvo desaparecido de su casa o colocación.',
          ),
        ),
        item(
          'no_safe_place',
          'nps',
          t('Has no safe place to stay tonight.', 'No tiene un lugar seguro donde quedarse esta noche.'),
        ),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'people_around',
      title: t('People around the youth', 'Personas alrededor del joven'),
      items: [
        item(
          'older_or_controlling_person',
          'nps',
          t(
            'Is with a much older partner, or someone who seems to control them.',
            'Está con una pareja mucho mayor, o con alguien que parece controlarlo.',
          ),
        ),
        item(
          'unexplained_things',
          'nps',
          t(
            'Has money, gifts or phones that their situation does not explain.',
            'Tiene dinero, regalos o teléfonos que su situación no explica.',
          ),
        ),
      ],
      scoring: MAX_1_2,
    },
    {
      key: 'exchange_and_harm',
      title: t('Exchange and harm', 'Intercambio y daño'),
      items: [
        item(
          'youth_says_exchanged',
          'nps',
          t(
            'The youth says they have traded sex for something of value (money, food, a place to stay, drugs).',
            'El joven dice que ha intercambiado sexo por algo de valor (dinero, comida, un lugar donde quedarse, drogas).',
          ),
          {
            critical: true,
          },
        ),
        item(
          'injuries_or_fear',
          'nps',
          t(
            'Has unexplained injuries, or seems afraid to say where they have been.',
            'Tiene lesiones sin explicación, o parece tener miedo de decir dónde ha estado.',
          ),
        ),
      ],
      scoring: MAX_1_2,
    },
  ],
  overall: { method: 'highest_indicator' },
  guidance: SCREEN_GUIDANCE,
};

export const DEMO_AT_RISK_CHECKLIST: InstrumentDefinition = {
  key: 'harbor-demo-at-risk',
  name: t('Harbor demonstration at-risk checklist', 'Lista de riesgo de demostración de Harbor'),
  description: t(
    `A yes/no checklist of circumstances that make exploitation more likely. It finds youth at risk; it does not find victims. ${DEMO_DESCRIPTION_NOTE.en}`,
    `Una lista de sí o no de circunstancias que hacen más probable la explotación. Identifica a jóvenes en riesgo; no identifica víctimas. ${DEMO_DESCRIPTION_NOTE.es}`,
  ),
  demonstration: true,
  audience: t(
    'Any worker, at intake or at a case review.',
    'Cualquier trabajador, en la admisión o en una revisión del caso.',
  ),
  scales: [YN],
  sections: [
    {
      key: 'circumstances',
      title: t('Life circumstances', 'Circunstancias de vida'),
      items: [
        item('past_abuse', 'yn', t('Has experienced abuse or neglect.', 'Ha sufrido abuso o negligencia.')),
        item('runaway_history', 'yn', t('Has run away before.', 'Se ha escapado antes.')),
        item(
          'housing_unstable',
          'yn',
          t(
            'Housing is unstable, or the youth has moved placements often.',
            'La vivienda es inestable, o el joven ha cambiado de colocación con frecuencia.',
          ),
        ),
        item('school_disengaged', 'yn', t('Is disengaged from school.', 'Está desconectado de la escuela.')),
        item('substance_use', 'yn', t('Uses alcohol or drugs.', 'Consume alcohol o drogas.')),
      ],
      scoring: { method: 'sum', possibleAt: 1, clearAt: 3 },
    },
    {
      key: 'connections',
      title: t('Relationships and online contact', 'Relaciones y contacto en internet'),
      items: [
        item('older_partner', 'yn', t('Has a much older partner.', 'Tiene una pareja mucho mayor.')),
        item(
          'peers_exploited',
          'yn',
          t(
            'Has friends or family members who have been exploited.',
            'Tiene amigos o familiares que han sido explotados.',
          ),
        ),
        item(
          'online_strangers',
          'yn',
          t(
            'Is in contact online with adults they have not met.',
            'Tiene contacto en internet con adultos que no conoce en persona.',
          ),
        ),
        item(
          'unexplained_gifts',
          'yn',
          t('Has money or gifts with no clear source.', 'Tiene dinero o regalos sin un origen claro.'),
        ),
        item(
          'controlling_relationship',
          'yn',
          t(
            'Is in a relationship where the other person controls them.',
            'Tiene una relación en la que la otra persona lo controla.',
          ),
        ),
      ],
      scoring: { method: 'sum', possibleAt: 1, clearAt: 3 },
    },
  ],
  overall: { method: 'highest_indicator' },
  guidance: {
    no_concern: t(
      'No risk factors checked. Repeat the checklist on the county schedule.',
      'No se marcó ningún factor de riesgo. Repita la lista según el calendario del condado.',
    ),
    possible_concern: t(
      'Some risk factors. Talk about safety with the youth, consider prevention services, and repeat the checklist on the county schedule.',
      'Algunos factores de riesgo. Hable de seguridad con el joven, considere servicios de prevención y repita la lista según el calendario del condado.',
    ),
    clear_concern: t(
      'Several risk factors. Complete a full screen soon, consult your supervisor, make a safety plan, and record the youth as At Risk if the county protocol says so.',
      'Varios factores de riesgo. Complete pronto una evaluación completa, consulte a su supervisor, haga un plan de seguridad y registre al joven como En Riesgo si el protocolo del condado lo indica.',
    ),
  },
};

export const DEMO_INSTRUMENTS: readonly InstrumentDefinition[] = [
  DEMO_FULL_SCREEN,
  DEMO_BRIEF_SCREEN,
  DEMO_AT_RISK_CHECKLIST,
];
