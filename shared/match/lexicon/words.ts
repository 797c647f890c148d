/**
 * Word lists the matching rules consult: ordinary English words that are also marks (they need the
 * goods to fit), other real brands near a registered one (never a misspelling of it), and the
 * Vietnamese context words that turn a place name into an address, a shop or a person's name, or a
 * word into a compound ("cao phong cách"). Pure data; words are folded when used.
 */

/** Ordinary English (and loan) words sellers use as plain words; a mark spelled like one needs goods fit. */
export const ORDINARY_WORDS = `
apple orange tiger sharp comet super dove green clear comfort tide omega citizen supreme converse vans
jordan kangaroo canon crown star sun moon gold golden silver black white red blue
pink rose lily lotus eagle lion panda bear fox wolf shark dragon phoenix king queen prince princess
royal classic premium pro max plus mini ultra smart home life style fashion beauty love happy lucky
baby kids family fresh natural organic pure nature ocean sea sky cloud rain snow ice fire power energy
speed sport sports active fit zone city urban street new old one first best top
prime magic dream angel diamond pearl crystal ruby jade coral amber ivory light bright shine glow
happy joy smile sweet honey sugar milk coffee tea rice cream butter cheese
bee butterfly cat dog bird fish horse eagle owl swan dolphin turtle rabbit mouse monkey
polo hunter target champion legend hero master expert guard shield rock stone wood leaf tree flower
global world planet galaxy nova alpha beta delta gamma sigma omega zeta
casual basic simple modern vintage retro urban luxury elegant chic cool hot warm
gear tech digital cyber logic focus vision view point line circle square cube
unique original genuine real true fine good nice great
lock click touch wave flow air jet rocket
comet sharp tiger apple dove clear tide comfort omo
channel moringa mango coco milo balance galaxy cannon phone phones heroes hero who
`;

/** Other real brands sellers write (not in a typical register): a one-letter difference to a mark is not that mark. */
export const OTHER_BRANDS = `
oppo vivo realme huawei honor nokia motorola asus acer dell lenovo hp msi gigabyte intel amd nvidia
midea daikin aqua sanyo funiki casper media nagakawa reetech gree mitsubishi fujitsu
sunhouse kangaroo bluestone lock happycook elmich goldsun delites cuckoo lotte
nikon olympus fujifilm leica gopro dji
super supra supro sapor supon
green ugreen greenlife
nice nika nikon mike nine
samsonite sam
coach celine fendi givenchy valentino lacoste zara uniqlo mango hm
ecco fila skechers asics mizuno reebok kappa umbro diadora lining anta peak
seiko orient tissot fossil guess timex coolmate philippe patek
maybelline lancome clinique estee shiseido sulwhasoo laneige missha
`;

/** Words right before a place name that make it an address or where a shop is ("tại Huế", "shop Đà Lạt"). */
export const ADDRESS_BEFORE = ['tại', 'tai', 'ở', 'địa chỉ', 'dia chi', 'đc', 'đ/c', 'shop', 'cửa hàng', 'cua hang', 'store', 'kho', 'giao', 'ship', 'ship từ', 'gửi từ', 'xưởng', 'cơ sở', 'chi nhánh', 'showroom', 'quận', 'huyện', 'phường', 'xã', 'tp', 'thành phố', 'đường', 'quán', 'nhà hàng', 'khách sạn', 'resort', 'homestay', 'tour', 'du lịch', 'vé', 'vé máy bay', 'voucher', 'khu', 'chợ', 'đi', 'bến xe', 'sân bay'];

/** Words right after a place name that make it a shop, a brand line or an address ("Huế Shop", "… city"). */
export const ADDRESS_AFTER = ['shop', 'store', 'official', 'mall', 'mart', 'house', 'home', 'food', 'foods', 'farm', 'quán', 'city', 'tour', 'resort', 'hotel', 'homestay', 'center', 'group', 'company', 'co', 'ltd', 'jsc', 'market'];

/** Honorifics and titles before a person's name ("chị Trà My", "cô Huế", "by Mộc Châu"). */
export const PERSON_BEFORE = ['anh', 'chị', 'chi', 'cô', 'chú', 'bác', 'ông', 'em', 'bạn', 'mr', 'ms', 'mrs', 'miss', 'by', 'ca sĩ', 'diễn viên', 'idol', 'nhà', 'gia đình', 'mẹ', 'bố', 'bé'];

/** Words that make a compound with the last syllable of a place name ("cao phong cách", "vinh hiển"). */
export const COMPOUND_AFTER: Record<string, string[]> = {
  phong: ['cách', 'cảnh', 'thủy', 'trào', 'tục', 'bì', 'lan', 'ba', 'độ', 'phú', 'tỏa', 'thái'],
  vinh: ['hiển', 'quang', 'dự'],
  dien: ['viên', 'đàn', 'tả', 'giả', 'xuất', 'biến', 'kịch', 'ra'],
  huế: [],
  yen: ['tâm', 'bình', 'lặng', 'ổn'],
  chau: ['á', 'âu', 'phi', 'mỹ', 'báu', 'chấu'],
};

/** Words right before a place name that make it part of a longer name ("Trà Vinh" is not "Vinh"). */
export const LONGER_NAME_BEFORE: Record<string, string[]> = {
  vinh: ['trà', 'tra', 'long', 'nghệ'],
  hue: ['thừa thiên', 'thua thien', 'ngọc', 'ánh', 'thu', 'kim', 'minh', 'thanh', 'xuân'],
  dien: ['hoàng', 'cao', 'thái', 'hàm', 'quang', 'nhà', 'phát', 'thủy', 'điện'],
};
