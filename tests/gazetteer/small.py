"""A small hand-made gazetteer for fast tests: real GeoNames ids and points, a few names each."""

from __future__ import annotations

from pathlib import Path

from sitrep.gazetteer.store import Entry, GazetteerWriter

ROWS: list[tuple[Entry, list[str]]] = [
    (Entry(690791, "Ukraine", "A", "PCLI", "UA", None, 49.0, 32.0, 44_622_516, "country"), ["Ukraina", "Украина"]),
    (Entry(2017370, "Russia", "A", "PCLI", "RU", None, 60.0, 100.0, 144_478_050, "country"), ["Russian Federation"]),
    (Entry(6252001, "United States", "A", "PCLI", "US", None, 39.76, -98.5, 327_167_434, "country"),
     ["U.S.", "USA", "America"]),
    (Entry(706482, "Kharkiv Oblast", "A", "ADM1", "UA", "07", 49.5, 36.5, 2_700_000, "region"), ["Kharkiv"]),
    (Entry(706442, "Kherson Oblast", "A", "ADM1", "UA", "08", 46.67, 33.5, 1_000_000, "region"), ["Kherson"]),
    (Entry(4197000, "Georgia", "A", "ADM1", "US", "GA", 32.75, -83.5, 10_000_000, "region"), []),
    (Entry(614540, "Georgia", "A", "PCLI", "GE", None, 42.0, 43.5, 3_700_000, "country"), []),
    (Entry(706483, "Kharkiv", "P", "PPL", "UA", "07", 49.98, 36.25, 1_421_125, "city"), ["Kharkov", "Харків"]),
    (Entry(706448, "Kherson", "P", "PPL", "UA", "08", 46.64, 32.61, 300_000, "city"), ["Cherson"]),
    (Entry(707292, "Izyum", "P", "PPL", "UA", "07", 49.21, 37.28, 45_884, "city"), ["Izium", "Изюм"]),
    (Entry(712926, "Balakliya", "P", "PPL", "UA", "07", 49.46, 36.84, 26_334, "city"), ["Balakliia"]),
    (Entry(703656, "Kupyansk", "P", "PPL", "UA", "07", 49.71, 37.62, 27_169, "city"), ["Kupiansk"]),
    (Entry(699839, "Nova Kakhovka", "P", "PPL", "UA", "08", 46.75, 33.35, 44_427, "city"), ["Novaya Kakhovka"]),
    (Entry(710514, "Oskil", "P", "PPL", "UA", "07", 49.18, 37.42, 3_217, "city"), []),
    (Entry(4180439, "Atlanta", "P", "PPL", "US", "GA", 33.75, -84.39, 463_878, "city"), []),
    (Entry(611717, "Tbilisi", "P", "PPL", "GE", "TB", 41.69, 44.83, 1_049_498, "city"), []),
    (Entry(2643743, "London", "P", "PPL", "GB", "ENG", 51.51, -0.13, 8_961_989, "city"), []),
    (Entry(6058560, "London", "P", "PPL", "CA", "08", 42.98, -81.23, 346_765, "city"), []),
    (Entry(6093943, "Ontario", "A", "ADM1", "CA", "08", 49.25, -84.5, 12_861_940, "region"), []),
    (Entry(5373900, "Modesto", "P", "PPL", "US", "CA", 37.64, -121.0, 218_464, "city"), ["MOD"]),
    (Entry(5417618, "Colorado", "A", "ADM1", "US", "CO", 39.0, -105.5, 5_000_000, "region"), []),
    (Entry(3465881, "Colorado", "P", "PPL", "BR", "18", -22.84, -51.97, 22_000, "city"), []),
    # namesakes across countries, counties and states (document coherence)
    (Entry(2963597, "Ireland", "A", "PCLI", "IE", None, 53.0, -8.0, 4_853_506, "country"), []),
    (Entry(2964574, "Dublin", "P", "PPLC", "IE", "L", 53.33, -6.25, 1_024_027, "city"), []),
    (Entry(2964540, "Dundalk", "P", "PPL", "IE", "L", 54.0, -6.42, 43_112, "city"), []),
    (Entry(4353765, "Dundalk", "P", "PPL", "US", "MD", 39.25, -76.52, 63_597, "city"), []),
    (Entry(4862182, "Iowa", "A", "ADM1", "US", "IA", 41.93, -93.37, 2_399_911, "region"), []),
    (Entry(4853828, "Des Moines", "P", "PPL", "US", "IA", 41.6, -93.61, 214_133, "city"), []),
    (Entry(4887398, "Chicago", "P", "PPL", "US", "IL", 41.85, -87.65, 2_664_452, "city"), []),
    (Entry(4867788, "Montgomery County", "A", "ADM2", "US", "IA", 40.97, -95.1, 0, "region"), []),
    (Entry(4244772, "Montgomery County", "A", "ADM2", "US", "IL", 39.27, -89.47, 0, "region"), []),
    (Entry(5332921, "California", "A", "ADM1", "US", "CA", 37.28, -119.31, 39_581_093, "region"), []),
    (Entry(5815135, "Washington", "A", "ADM1", "US", "WA", 47.5, -120.5, 7_000_000, "region"), []),
    (Entry(4140963, "Washington", "P", "PPLC", "US", "DC", 38.9, -77.04, 689_545, "city"), []),
    (Entry(5045517, "Saint Peter", "P", "PPL", "US", "MN", 44.32, -93.96, 11_196, "city"), ["St. Peter"]),
    (Entry(1873107, "North Korea", "A", "PCLI", "KP", None, 40.0, 127.0, 25_549_819, "country"),
     ["Democratic People's Republic of Korea"]),
    (Entry(1835841, "South Korea", "A", "PCLI", "KR", None, 36.5, 127.75, 51_635_256, "country"),
     ["Republic of Korea"]),
    (Entry(-3, "Central America", "L", "RGN", None, None, 12.8, -85.0, 0, "area"), []),
    # front-line towns and their namesakes ('Town, Region', attacker demonyms, persons, common words)
    (Entry(709716, "Donetsk Oblast", "A", "ADM1", "UA", "05", 48.05, 37.67, 6_660_173, "region"), ["Donetsk"]),
    (Entry(687699, "Zaporizhzhia Oblast", "A", "ADM1", "UA", "26", 47.27, 35.69, 1_522_881, "region"),
     ["Zaporizhzhia"]),
    (Entry(703446, "Kyiv Oblast", "A", "ADM1", "UA", "13", 50.09, 31.02, 1_374_225, "region"), ["Kyiv"]),
    (Entry(501165, "Rostov Oblast", "A", "ADM1", "RU", "61", 47.7, 41.3, 4_200_000, "region"), ["Rostov"]),
    (Entry(709717, "Donetsk", "P", "PPL", "UA", "05", 48.02, 37.80, 901_645, "city"), ["Donezk"]),
    (Entry(565348, "Donetsk", "P", "PPL", "RU", "61", 48.34, 39.95, 50_850, "city"), []),
    (Entry(687700, "Zaporizhzhya", "P", "PPL", "UA", "26", 47.85, 35.12, 710_052, "city"), ["Zaporizhzhia"]),
    (Entry(699751, "Niu-York", "P", "PPL", "UA", "05", 48.33, 37.84, 9_735, "city"), ["New York"]),
    (Entry(5128581, "New York City", "P", "PPL", "US", "NY", 40.71, -74.01, 8_804_190, "city"), ["New York"]),
    (Entry(5128638, "New York", "A", "ADM1", "US", "NY", 43.0, -75.5, 19_274_244, "region"), []),
    (Entry(704204, "Lyman", "P", "PPL", "UA", "05", 48.99, 37.81, 20_066, "city"), []),
    (Entry(703071, "Lyman", "P", "PPL", "UA", "07", 49.59, 36.47, 4_008, "city"), []),
    (Entry(5831346, "Lyman", "P", "PPL", "US", "WY", 41.33, -110.29, 2_074, "city"), []),
    (Entry(696278, "Prymorske", "P", "PPL", "UA", "26", 47.64, 35.29, 3_840, "city"), []),
    (Entry(696279, "Prymorske", "P", "PPL", "UA", "05", 47.31, 37.94, 1_407, "city"), []),
    (Entry(689702, "Vesele", "P", "PPL", "UA", "05", 48.71, 37.59, 2_900, "city"), []),
    (Entry(689736, "Vesele", "P", "PPL", "UA", "26", 47.01, 34.92, 9_719, "city"), []),
    (Entry(538992, "Kurakhivka", "P", "PPL", "UA", "05", 48.03, 37.37, 2_600, "city"), []),
    (Entry(712794, "Barvinkove", "P", "PPL", "UA", "07", 48.91, 37.02, 7_840, "city"), []),
    (Entry(711635, "Borodianka", "P", "PPL", "UA", "13", 50.64, 29.92, 13_832, "city"), ["Borodyanka"]),
    (Entry(6254926, "Massachusetts", "A", "ADM1", "US", "MA", 42.26, -71.81, 8_056_090, "region"), []),
    (Entry(4951788, "Springfield", "P", "PPL", "US", "MA", 42.10, -72.59, 154_341, "city"), []),
    (Entry(3037423, "Antony", "P", "PPL", "FR", "11", 48.75, 2.30, 59_845, "city"), []),
    (Entry(690688, "Uman", "P", "PPL", "UA", "01", 48.75, 30.22, 81_525, "city"), ["Human"]),
    (Entry(735914, "Kateríni", "P", "PPL", "GR", "ESYE12", 40.27, 22.51, 53_293, "city"), ["Katerina"]),
    (Entry(1279396, "Ābu", "P", "PPL", "IN", "24", 24.59, 72.72, 24_981, "city"), ["Abu"]),
    (Entry(379555, "El Fasher", "P", "PPL", "SD", "55", 13.63, 25.35, 252_609, "city"), []),
    # a region named with its type word ('Borno State'), a second-level region by its own name (Ceredigion)
    (Entry(2346794, "Borno", "A", "ADM1", "NG", "02", 11.5, 13.0, 5_860_183, "region"), ["Borno State"]),
    (Entry(2331447, "Maiduguri", "P", "PPL", "NG", "02", 11.85, 13.16, 1_112_449, "city"), []),
    (Entry(2653814, "Ceredigion", "A", "ADM2", "GB", "WLS", 52.25, -4.0, 0, "region"), []),
    (Entry(2657782, "Aberystwyth", "P", "PPL", "GB", "WLS", 52.41, -4.08, 16_000, "city"), []),
    (Entry(-1, "Oskil", "H", "STM", "UA", None, 50.0, 37.8, 0, "river"), ["Oskol"]),
    (Entry(-2, "Siverskyi Donets", "H", "STM", "UA", None, 48.9, 38.3, 0, "river"),
     ["Seversky Donets", "Severski Donets", "Donets"]),
]
ADMIN1 = [("UA", "07", "Kharkiv Oblast", 706482), ("UA", "08", "Kherson Oblast", 706442),
          ("US", "GA", "Georgia", 4197000), ("CA", "08", "Ontario", 6093943),
          ("US", "CO", "Colorado", 5417618), ("US", "IA", "Iowa", 4862182), ("US", "CA", "California", 5332921),
          ("US", "WA", "Washington", 5815135), ("UA", "05", "Donetsk Oblast", 709716),
          ("UA", "26", "Zaporizhzhia Oblast", 687699), ("UA", "13", "Kyiv Oblast", 703446),
          ("RU", "61", "Rostov Oblast", 501165), ("US", "NY", "New York", 5128638),
          ("US", "MA", "Massachusetts", 6254926), ("NG", "02", "Borno", 2346794)]
ABBREVIATIONS = [(6254926, "Mass.")]


def build_small_gazetteer(path: Path) -> Path:
    writer = GazetteerWriter(path)
    for entry, names in ROWS:
        writer.add_place(entry, names)
    for country, code, name, gid in ADMIN1:
        writer.add_admin1(country, code, name, gid)
    for gid, alias in ABBREVIATIONS:
        writer.add_abbreviation(gid, alias)
    writer.finish({"built_at": "test", "sources": "tests/gazetteer/small.py"})
    return path
