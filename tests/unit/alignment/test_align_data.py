"""Small hand-made Russian-English sentence pairs for the aligner's tests."""

PAIRS = [
    ("В 1929 году Сталин объявил о начале сплошной коллективизации.",
     "In 1929 Stalin announced the start of wholesale collectivization."),
    ("Бухарин возражал.", "Bukharin objected."),
    ("XVI съезд партии собрался в Москве летом 1930 года и одобрил курс на индустриализацию страны.",
     "The Sixteenth Party Congress met in Moscow in the summer of 1930 and endorsed the industrialization of the country."),
    ("Рютин написал свою платформу в 1932 г.", "Ryutin wrote his platform in 1932."),
    ("Зиновьев и Каменев были исключены из партии.", "Zinoviev and Kamenev were expelled from the party."),
    ("Число колхозов выросло на 3,5 % за один месяц, до 1 000 хозяйств в районе.",
     "The number of kolkhozes grew by 3.5% in a single month, to 1,000 farms in the district."),
    ("Ягода возглавил ОГПУ.", "Yagoda took charge of the OGPU."),
    ("Почему крестьяне сопротивлялись?", "Why did the peasants resist?"),
    ("Троцкий был выслан из СССР в 1929 году и поселился в Турции.",
     "Trotsky was deported from the USSR in 1929 and settled in Turkey."),
    ("Пленум ЦК в ноябре 1929 г. осудил «правый уклон».",
     "The November 1929 plenum of the CC condemned the “Right deviation”."),
]

RU = [ru for ru, _ in PAIRS]
EN = [en for _, en in PAIRS]


def keys(beads):
    return [(list(b.src), list(b.tgt)) for b in beads]
