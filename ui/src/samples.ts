// Short example articles written for the UI's "try an example" buttons.
export const SAMPLES: Array<{ label: string; lang: string; published: string; text: string }> = [
  {
    label: 'English example',
    lang: 'en',
    published: '2024-05-08',
    text: `Serbian President Aleksandar Vucic met European Commission President Ursula von der Leyen in Belgrade on Tuesday, his office said. "We are ready to continue the dialogue with Pristina," Vucic told reporters after the meeting.

Kosovo's Prime Minister Albin Kurti accused Belgrade of blocking the agreement. According to Kosovo police, two officers were injured on Monday near the border crossing in Jarinje.

The European Union will provide 50 million euros in aid to the region next year.`,
  },
  {
    label: 'Shembull shqip',
    lang: 'sq',
    published: '2024-05-08',
    text: `Kryeministri i Shqipërisë Edi Rama u takua dje në Tiranë me Sekretarin e Përgjithshëm të NATO-s, Jens Stoltenberg. “Shqipëria do të mbetet një aleat i besueshëm”, tha Rama pas takimit.

Sipas Ministrisë së Mbrojtjes, Shqipëria do të rrisë buxhetin ushtarak me 20 për qind vitin e ardhshëm. Opozita akuzoi qeverinë për mungesë transparence.`,
  },
]
