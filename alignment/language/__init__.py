"""Small language helpers shared by every room: numbers, transliteration, stems."""
