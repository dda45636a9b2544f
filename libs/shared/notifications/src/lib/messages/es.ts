import type { Catalogue } from './message-keys';

const KIND =
  '{kind, select, preparation {reunión de preparación} joint_dialogue {reunión de diálogo} indirect_dialogue {sesión de mediación} other {reunión de seguimiento}}';

const SURVEY =
  'Hace un tiempo participó en un encuentro. Nos gustaría saber cómo le fue.\n\nResponder lleva unos cinco minutos. Sus respuestas son anónimas, no cambian nada para usted y nadie comprueba si ha respondido.\n\nResponda aquí (el enlace funciona una vez, durante 30 días): {link}\n\nSi prefiere responder por teléfono, o con intérprete, con otra persona distinta de quien dirigió su encuentro, responda a este correo.\n\nSi prefiere que no se lo volvamos a pedir, díganoslo aquí y no le escribiremos más sobre esto: {stopLink}';

export const es: Catalogue = {
  'session.reminder.subject': `Recordatorio: su ${KIND} el {date} a las {time}`,
  'session.reminder.body': `Le recordamos su ${KIND} el {date} a las {time} ({zone}).{interpreter, select, yes {\nHabrá un intérprete para usted.} other {}}\nSi no puede asistir, póngase en contacto con su mediador o mediadora.`,
  'outcome.notice.subject': 'Una novedad que usted pidió',
  'outcome.notice.body':
    'Usted pidió que le informáramos de si se cumplió el acuerdo alcanzado después de su encuentro.\n{result, select, completed {Se han cumplido todos los compromisos del acuerdo.} other {No se cumplieron todos los compromisos del acuerdo, y el caso ha vuelto a la fiscalía.}}',
  'feedback.invitation.subject': 'Unas preguntas para usted',
  'feedback.invitation.body': SURVEY,
  'feedback.reminder.subject': 'Recordatorio: unas preguntas para usted',
  'feedback.reminder.body': `Le escribimos hace una semana con unas preguntas. Este es nuestro único recordatorio.\n\n${SURVEY}`,
};
