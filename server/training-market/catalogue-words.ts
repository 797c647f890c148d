/**
 * The words the catalogue generator writes listings from, all written for ipwatch (no real listing is
 * copied): what each demo mark is sold as and at what price, the look-alike brands and accessories
 * around it, what each GI product family costs and how it is packed, counterfeit cues, shop names,
 * innocent place-name homonyms and unrelated filler goods.
 */

/** One kind of goods a mark is sold on. */
export interface MarkGoods {
  noun: string;
  models: string[];
  price: [number, number];
  category: string[];
}

/** How a demo mark shows up on marketplaces. */
export interface MarkProfile {
  /** The sign as sellers write it in titles. */
  sign: string;
  goods: MarkGoods[];
  /** Official (Mall) store name; absent when the owner has no store on the sites. */
  official?: string;
  /** Accessories sold "cho <sign> …" that only describe compatibility. */
  compat?: Array<{ title: string; price: [number, number]; category: string[] }>;
  /** Other brands or plain words that merely resemble the sign (not the mark). */
  lookalikes?: Array<{ title: string; brand: string; price: [number, number]; category: string[] }>;
  /** How much more often than an average mark it is sold and faked. */
  weight: number;
}

const SHOES = ['Thời trang', 'Giày dép', 'Giày thể thao'];
const BAGS = ['Thời trang', 'Túi ví'];
const PHONES = ['Điện thoại & Phụ kiện', 'Điện thoại'];
const PHONE_ACC = ['Điện thoại & Phụ kiện', 'Phụ kiện'];
const MILK = ['Bách hóa', 'Sữa & sản phẩm từ sữa'];
const KITCHEN = ['Nhà cửa & Đời sống', 'Đồ dùng nhà bếp'];
const WATCH = ['Thời trang', 'Đồng hồ'];
const BEAUTY = ['Sắc đẹp', 'Mỹ phẩm'];

/** Demo marks by folded name; the generator uses these for the matching rights of the register. */
export const MARK_PROFILES: Record<string, MarkProfile> = {
  nike: {
    sign: 'Nike',
    weight: 7,
    official: 'Nike Official Store',
    goods: [
      { noun: 'Giày thể thao', models: ['Air Force 1 Low', 'Air Max 270', 'Air Jordan 1 Low', 'Pegasus 40', 'Dunk Low Panda'], price: [1_900_000, 4_500_000], category: SHOES },
      { noun: 'Áo thun thể thao', models: ['Dri-FIT', 'Sportswear Club', 'Swoosh'], price: [450_000, 1_100_000], category: ['Thời trang', 'Áo'] },
    ],
    compat: [{ title: 'Dây giày thay thế dùng cho giày Nike Air Force 1', price: [25_000, 60_000], category: SHOES }],
  },
  adidas: {
    sign: 'Adidas',
    weight: 2,
    official: 'adidas Official Store',
    goods: [
      { noun: 'Giày', models: ['Ultraboost 22', 'Stan Smith', 'Superstar', 'Samba OG'], price: [1_800_000, 4_200_000], category: SHOES },
      { noun: 'Quần short thể thao', models: ['3 Sọc', 'Essentials'], price: [500_000, 900_000], category: ['Thời trang', 'Quần'] },
    ],
  },
  gucci: {
    sign: 'Gucci',
    weight: 1.5,
    goods: [
      { noun: 'Túi xách nữ', models: ['Marmont', 'Dionysus', 'Jackie 1961'], price: [35_000_000, 75_000_000], category: BAGS },
      { noun: 'Thắt lưng da', models: ['GG Marmont', 'khóa GG'], price: [9_000_000, 14_000_000], category: ['Thời trang', 'Phụ kiện'] },
    ],
  },
  'louis vuitton': {
    sign: 'Louis Vuitton',
    weight: 1.5,
    goods: [
      { noun: 'Túi xách', models: ['Neverfull MM', 'Speedy 25', 'OnTheGo'], price: [40_000_000, 80_000_000], category: BAGS },
      { noun: 'Ví da', models: ['Zippy', 'Victorine'], price: [15_000_000, 25_000_000], category: BAGS },
    ],
  },
  chanel: {
    sign: 'Chanel',
    weight: 1.5,
    goods: [
      { noun: 'Nước hoa', models: ['No.5 100ml', 'Coco Mademoiselle 50ml', 'Bleu de Chanel 100ml'], price: [3_200_000, 4_800_000], category: BEAUTY },
      { noun: 'Túi xách', models: ['Classic Flap', 'Boy Bag'], price: [120_000_000, 220_000_000], category: BAGS },
    ],
  },
  rolex: {
    sign: 'Rolex',
    weight: 1.2,
    goods: [{ noun: 'Đồng hồ nam', models: ['Submariner', 'Datejust 41', 'Daytona', 'GMT-Master II'], price: [250_000_000, 900_000_000], category: WATCH }],
  },
  apple: {
    sign: 'iPhone',
    weight: 4,
    official: 'Apple Flagship Store',
    goods: [
      { noun: 'Điện thoại Apple iPhone', models: ['15 Pro Max 256GB', '15 128GB', '14 Plus 128GB', '13 128GB'], price: [15_500_000, 33_000_000], category: PHONES },
      { noun: 'Tai nghe Apple AirPods', models: ['Pro 2', '3', '4'], price: [3_500_000, 6_200_000], category: PHONE_ACC },
    ],
    compat: [
      { title: 'Ốp lưng cho iPhone 15 Pro Max chống sốc trong suốt', price: [35_000, 120_000], category: PHONE_ACC },
      { title: 'Kính cường lực dành cho iPhone 14 Pro full màn', price: [20_000, 80_000], category: PHONE_ACC },
      { title: 'Cáp sạc nhanh Type-C to Lightning tương thích iPhone 12 13 14', price: [50_000, 150_000], category: PHONE_ACC },
    ],
    lookalikes: [
      { title: 'Táo Envy New Zealand tươi - apple giòn ngọt hộp 1kg', brand: 'Không thương hiệu', price: [180_000, 260_000], category: ['Bách hóa', 'Trái cây'] },
    ],
  },
  samsung: {
    sign: 'Samsung',
    weight: 4,
    official: 'Samsung Official Store',
    goods: [
      { noun: 'Điện thoại Samsung Galaxy', models: ['S24 Ultra 256GB', 'A55 5G 128GB', 'Z Flip6'], price: [8_500_000, 31_000_000], category: PHONES },
      { noun: 'Củ sạc nhanh Samsung', models: ['25W', '45W'], price: [350_000, 800_000], category: PHONE_ACC },
    ],
    compat: [
      { title: 'Ốp lưng dành cho Samsung Galaxy S24 Ultra silicon', price: [30_000, 110_000], category: PHONE_ACC },
      { title: 'Miếng dán màn hình cho Samsung A55 chống vân tay', price: [20_000, 60_000], category: PHONE_ACC },
    ],
  },
  vinamilk: {
    sign: 'Vinamilk',
    weight: 4,
    official: 'Vinamilk Official Store',
    goods: [
      { noun: 'Sữa tươi tiệt trùng Vinamilk', models: ['ít đường thùng 48 hộp 180ml', 'không đường lốc 4 hộp 1L'], price: [320_000, 420_000], category: MILK },
      { noun: 'Sữa bột Vinamilk', models: ['Optimum Gold 4 lon 850g', 'Dielac Alpha 4 900g'], price: [380_000, 560_000], category: MILK },
    ],
    lookalikes: [
      { title: 'Mít sấy Vinamit túi 250g giòn rụm', brand: 'Vinamit', price: [60_000, 90_000], category: ['Bách hóa', 'Đồ ăn vặt'] },
    ],
  },
  'th true milk': {
    sign: 'TH true MILK',
    weight: 1.5,
    official: 'TH true MART Official',
    goods: [{ noun: 'Sữa tươi tiệt trùng TH true MILK', models: ['ít đường thùng 48 hộp 180ml', 'nguyên chất 1L'], price: [330_000, 430_000], category: MILK }],
  },
  'trung nguyen': {
    sign: 'Trung Nguyên',
    weight: 1.5,
    official: 'Trung Nguyên Legend Official',
    goods: [
      { noun: 'Cà phê Trung Nguyên', models: ['Sáng tạo 8 gói 500g', 'G7 3in1 hộp 21 gói', 'Legend Classic'], price: [70_000, 260_000], category: ['Bách hóa', 'Cà phê'] },
    ],
    lookalikes: [
      { title: 'Sách Lịch sử các triều đại Trung Nguyên cổ đại (bìa mềm)', brand: 'Không thương hiệu', price: [90_000, 180_000], category: ['Sách', 'Lịch sử'] },
    ],
  },
  honda: {
    sign: 'Honda',
    weight: 1.5,
    goods: [
      { noun: 'Nhớt xe máy Honda', models: ['0.8L', '1L Ultra'], price: [90_000, 160_000], category: ['Ô tô & Xe máy', 'Dầu nhớt'] },
      { noun: 'Má phanh Honda', models: ['Vision', 'Air Blade', 'SH Mode'], price: [60_000, 180_000], category: ['Ô tô & Xe máy', 'Phụ tùng'] },
    ],
    compat: [{ title: 'Bọc yên xe dùng cho Honda Vision 2023 chống nóng', price: [60_000, 150_000], category: ['Ô tô & Xe máy', 'Phụ kiện'] }],
  },
  supor: {
    sign: 'Supor',
    weight: 1.2,
    official: 'Supor Official Store',
    goods: [
      { noun: 'Nồi cơm điện Supor', models: ['1.8L CFXB50', 'cao tần 1.5L'], price: [900_000, 2_400_000], category: KITCHEN },
      { noun: 'Chảo chống dính Supor', models: ['26cm', '28cm đáy từ'], price: [250_000, 520_000], category: KITCHEN },
    ],
    lookalikes: [
      { title: 'Nồi cơm điện Super Chef 1.8L lòng niêu', brand: 'Super Chef', price: [450_000, 700_000], category: KITCHEN },
      { title: 'Chảo Super Non-stick 26cm giá rẻ', brand: 'OEM', price: [90_000, 160_000], category: KITCHEN },
    ],
  },
  ugreen: {
    sign: 'Ugreen',
    weight: 1.2,
    official: 'UGREEN Official Store',
    goods: [
      { noun: 'Cáp sạc Ugreen', models: ['USB-C 60W 1m', 'Lightning MFi 1.5m'], price: [120_000, 320_000], category: PHONE_ACC },
      { noun: 'Hub chuyển đổi Ugreen', models: ['USB-C 6 in 1', 'HDMI 4K'], price: [450_000, 900_000], category: ['Máy tính & Laptop', 'Phụ kiện'] },
    ],
    lookalikes: [
      { title: 'Cáp sạc dây dù màu green 1m giá rẻ', brand: 'OEM', price: [25_000, 45_000], category: PHONE_ACC },
      { title: 'Cây xanh mini để bàn Green Life chậu sứ', brand: 'Green Life', price: [60_000, 120_000], category: ['Nhà cửa & Đời sống', 'Cây cảnh'] },
    ],
  },
  sunhouse: {
    sign: 'Sunhouse',
    weight: 1,
    official: 'Sunhouse Official Store',
    goods: [{ noun: 'Bộ nồi inox Sunhouse', models: ['3 chiếc đáy từ', '5 đáy SH334'], price: [450_000, 1_200_000], category: KITCHEN }],
  },
  panasonic: {
    sign: 'Panasonic',
    weight: 1.2,
    official: 'Panasonic Official Store',
    goods: [
      { noun: 'Nồi cơm điện Panasonic', models: ['1.8L SR-MVN187', '1L SR-CP108'], price: [1_100_000, 3_500_000], category: KITCHEN },
      { noun: 'Quạt đứng Panasonic', models: ['F-409K', 'F-308NHP'], price: [1_600_000, 3_200_000], category: ['Điện gia dụng', 'Quạt'] },
    ],
  },
  dior: {
    sign: 'Dior',
    weight: 1.2,
    goods: [
      { noun: 'Son thỏi Dior', models: ['Rouge 999', 'Addict Lip Glow'], price: [950_000, 1_250_000], category: BEAUTY },
      { noun: 'Nước hoa Dior', models: ['Sauvage EDP 100ml', "Miss Dior 50ml"], price: [2_800_000, 4_200_000], category: BEAUTY },
    ],
  },
  xiaomi: {
    sign: 'Xiaomi',
    weight: 1.2,
    official: 'Xiaomi Official Store',
    goods: [
      { noun: 'Điện thoại Xiaomi Redmi', models: ['Note 13 8GB/128GB', '13C'], price: [2_800_000, 6_500_000], category: PHONES },
      { noun: 'Vòng đeo tay Xiaomi Smart Band', models: ['8', '9 Pro'], price: [700_000, 1_500_000], category: PHONE_ACC },
    ],
    compat: [{ title: 'Dây đeo silicon thay thế cho Xiaomi Smart Band 8', price: [25_000, 70_000], category: PHONE_ACC }],
  },
  bitis: {
    sign: "Biti's",
    weight: 1,
    official: "Biti's Official Store",
    goods: [{ noun: "Giày thể thao Biti's Hunter", models: ['Street', 'X Z', 'Core'], price: [600_000, 1_300_000], category: SHOES }],
  },
  casio: {
    sign: 'Casio',
    weight: 1,
    official: 'Casio Official Store',
    goods: [
      { noun: 'Đồng hồ Casio', models: ['MTP-V002', 'G-Shock GA-2100', 'Baby-G BA-110'], price: [700_000, 3_900_000], category: WATCH },
      { noun: 'Máy tính Casio', models: ['FX-580VN X', 'FX-880BTG'], price: [550_000, 800_000], category: ['Văn phòng phẩm', 'Máy tính cầm tay'] },
    ],
    lookalikes: [{ title: 'Bộ phỉnh Casino 300 chip kèm vali nhôm', brand: 'OEM', price: [450_000, 900_000], category: ['Đồ chơi', 'Trò chơi bàn'] }],
  },
  converse: {
    sign: 'Converse',
    weight: 1.2,
    goods: [{ noun: 'Giày Converse', models: ['Chuck Taylor All Star cổ cao', 'Chuck 70', 'Run Star Hike'], price: [1_300_000, 2_300_000], category: SHOES }],
    lookalikes: [{ title: 'Sổ tay luyện Conversation tiếng Anh giao tiếp', brand: 'Không thương hiệu', price: [45_000, 90_000], category: ['Sách', 'Ngoại ngữ'] }],
  },
  oppo: {
    sign: 'OPPO',
    weight: 1,
    official: 'OPPO Official Store',
    goods: [{ noun: 'Điện thoại OPPO', models: ['Reno11 F 5G', 'A79 5G', 'Find N3 Flip'], price: [5_500_000, 22_000_000], category: PHONES }],
    compat: [{ title: 'Ốp lưng cho OPPO Reno11 F họa tiết hoạt hình', price: [30_000, 90_000], category: PHONE_ACC }],
    lookalikes: [{ title: 'Áo thun in chữ Oppa Hàn Quốc form rộng', brand: 'Không thương hiệu', price: [80_000, 150_000], category: ['Thời trang', 'Áo'] }],
  },
};

/** Goods for marks of the register that have no profile above, by Nice class. */
export const GOODS_BY_NICE_CLASS: Record<number, MarkGoods> = {
  3: { noun: 'Kem dưỡng da', models: ['50ml', 'dưỡng ẩm 100ml', 'ban đêm 30ml'], price: [180_000, 900_000], category: BEAUTY },
  5: { noun: 'Viên uống bổ sung', models: ['hộp 60 viên', 'lọ 30 viên'], price: [200_000, 650_000], category: ['Sức khỏe', 'Thực phẩm chức năng'] },
  7: { noun: 'Máy xay sinh tố', models: ['1.5L', 'cầm tay 600W'], price: [600_000, 2_200_000], category: KITCHEN },
  8: { noun: 'Bộ dao nhà bếp', models: ['5 món', 'inox 3 món'], price: [250_000, 900_000], category: KITCHEN },
  9: { noun: 'Tai nghe bluetooth', models: ['chống ồn', 'TWS pin 30h', 'chụp tai'], price: [400_000, 3_500_000], category: PHONE_ACC },
  11: { noun: 'Nồi cơm điện', models: ['1.8L', '1.2L nắp gài'], price: [500_000, 2_500_000], category: KITCHEN },
  14: { noun: 'Đồng hồ', models: ['dây da nam', 'dây kim loại nữ'], price: [1_200_000, 9_000_000], category: WATCH },
  16: { noun: 'Bút bi', models: ['hộp 20 cây', 'mực xanh 0.5mm'], price: [45_000, 120_000], category: ['Văn phòng phẩm', 'Bút'] },
  18: { noun: 'Túi xách', models: ['da thật', 'đeo chéo nữ'], price: [2_500_000, 25_000_000], category: BAGS },
  21: { noun: 'Hộp đựng thực phẩm', models: ['bộ 3 hộp', 'thủy tinh 1L'], price: [150_000, 500_000], category: KITCHEN },
  25: { noun: 'Giày', models: ['thể thao', 'sneaker cổ thấp'], price: [900_000, 3_500_000], category: SHOES },
  28: { noun: 'Bộ đồ chơi lắp ráp', models: ['500 chi tiết', 'xe đua'], price: [400_000, 2_500_000], category: ['Đồ chơi', 'Lắp ráp'] },
  29: { noun: 'Sữa', models: ['thùng 48 hộp', 'lốc 4 hộp'], price: [250_000, 450_000], category: MILK },
  30: { noun: 'Thùng', models: ['30 gói', 'hộp 20 gói'], price: [80_000, 250_000], category: ['Bách hóa', 'Thực phẩm khô'] },
  32: { noun: 'Nước giải khát', models: ['thùng 24 lon', 'chai 1.5L'], price: [150_000, 320_000], category: ['Bách hóa', 'Đồ uống'] },
};

/** Counterfeit cues sellers write themselves (CONTEXT.md), as they put them in titles. */
export const COUNTERFEIT_CUES = ['rep 1:1', 'siêu cấp', 'hàng F1', 'like auth', 'super fake', 'replica', 'hàng nhái', 'copy 1:1', 'fake loại 1', 'mô phỏng'];

/** What genuine resellers and official stores write. */
export const GENUINE_CUES = ['chính hãng', 'hàng chính hãng', 'full box', 'bảo hành 12 tháng', 'có hóa đơn VAT', 'nhập khẩu chính ngạch'];

/** GI qualifiers of Art. 129.3, as sellers put them in front of the GI name. */
export const GI_QUALIFIERS = ['kiểu', 'loại', 'phỏng theo', 'dạng', 'hương vị kiểu'];

/** Price, pack and category by GI product family (matched on the folded product noun). */
export const GI_FAMILIES: Array<{ test: RegExp; price: [number, number]; packs: string[]; category: string[] }> = [
  { test: /nuoc mam/, price: [85_000, 260_000], packs: ['chai 500ml 40 độ đạm', 'chai 750ml', 'can 2 lít'], category: ['Bách hóa', 'Gia vị'] },
  { test: /che|tra/, price: [160_000, 650_000], packs: ['gói 500g', 'hộp 200g', 'túi 1kg'], category: ['Bách hóa', 'Trà'] },
  { test: /ca phe/, price: [120_000, 380_000], packs: ['gói 500g rang xay', '1kg hạt rang mộc'], category: ['Bách hóa', 'Cà phê'] },
  { test: /gao/, price: [150_000, 320_000], packs: ['túi 5kg', 'bao 10kg'], category: ['Bách hóa', 'Gạo'] },
  { test: /mat ong/, price: [250_000, 650_000], packs: ['chai 500ml', 'hũ 1 lít'], category: ['Bách hóa', 'Mật ong'] },
  { test: /sam/, price: [2_500_000, 30_000_000], packs: ['củ 100g', 'hộp 3 củ'], category: ['Sức khỏe', 'Thảo dược'] },
  { test: /yen/, price: [3_000_000, 38_000_000], packs: ['hộp 100g', 'tổ yến thô 50g'], category: ['Sức khỏe', 'Yến sào'] },
  { test: /tom|cua|oc|ca |ngan|sa sung/, price: [280_000, 1_300_000], packs: ['1kg', 'hộp 500g'], category: ['Bách hóa', 'Hải sản'] },
  { test: /que|hoi|tieu|gung|toi/, price: [70_000, 260_000], packs: ['túi 500g', 'hũ 200g', '1kg'], category: ['Bách hóa', 'Gia vị'] },
  { test: /thuoc lao/, price: [90_000, 220_000], packs: ['gói 500g', '1kg'], category: ['Bách hóa', 'Đặc sản'] },
  { test: /non|coi|hoa mai/, price: [60_000, 450_000], packs: ['1 chiếc', 'bộ 2 chiếc'], category: ['Nhà cửa & Đời sống', 'Thủ công'] },
  { test: /muoi|mien|thach|mang/, price: [40_000, 150_000], packs: ['gói 500g', 'túi 1kg'], category: ['Bách hóa', 'Đặc sản'] },
  { test: /ruou/, price: [150_000, 450_000], packs: ['chai 500ml', 'bình 2 lít'], category: ['Bách hóa', 'Rượu'] },
  { test: /.*/, price: [45_000, 180_000], packs: ['thùng 5kg', '1kg', 'hộp quà 3kg'], category: ['Bách hóa', 'Trái cây'] },
];

/** Innocent uses of GI place names (and one trap each): rightIds stay empty, nothing infringes. */
export const HOMONYMS: Array<{ place: string; titles: string[]; price: [number, number]; category: string[] }> = [
  { place: 'Huế', titles: ['Bún bò Huế ăn liền gói 80g thùng 30 gói', 'Mè xửng Huế hộp 300g', 'Tôm chua Huế hũ 500g đặc sản', 'Áo dài cách tân in hoa sen Huế'], price: [45_000, 320_000], category: ['Bách hóa', 'Đồ ăn vặt'] },
  { place: 'Tân Cương', titles: ['Táo đỏ Tân Cương sấy khô 500g loại to', 'Nho khô Tân Cương không hạt 1kg', 'Hạt óc chó Tân Cương nứt vỏ 500g'], price: [70_000, 260_000], category: ['Bách hóa', 'Đồ ăn vặt'] },
  { place: 'Mộc Châu', titles: ['Sữa tươi thanh trùng Mộc Châu chai 1L', 'Bánh sữa Mộc Châu hộp 250g', 'Sữa chua Mộc Châu lốc 4 hũ'], price: [30_000, 120_000], category: ['Bách hóa', 'Sữa & sản phẩm từ sữa'] },
  { place: 'Phú Quốc', titles: ['Ngọc trai Phú Quốc vòng tay nữ', 'Rượu sim Phú Quốc chai 500ml', 'Áo thun in hình biển Phú Quốc du lịch'], price: [90_000, 650_000], category: ['Thời trang', 'Phụ kiện'] },
  { place: 'Phan Thiết', titles: ['Bánh tráng Phan Thiết cuốn thịt heo gói 500g', 'Mũ rộng vành đi biển Phan Thiết'], price: [35_000, 120_000], category: ['Bách hóa', 'Đồ ăn vặt'] },
  { place: 'Điện Biên', titles: ['Laptop Dell Latitude 7490 cũ - cửa hàng 120 Điện Biên Phủ, Q. Bình Thạnh', 'Sách Chiến thắng Điện Biên Phủ 1954 (tái bản)'], price: [120_000, 6_500_000], category: ['Máy tính & Laptop', 'Laptop'] },
  { place: 'Buôn Ma Thuột', titles: ['Áo thun in chữ Buôn Ma Thuột quê tôi', 'Móc khóa gỗ khắc tên Buôn Ma Thuột'], price: [25_000, 140_000], category: ['Thời trang', 'Áo'] },
  { place: 'Vinh', titles: ['Quần jean nam ống suông - shop Vinh Store', 'Nước xả vải Vinh Hoa hương lavender 3.2L'], price: [95_000, 260_000], category: ['Thời trang', 'Quần'] },
  { place: 'Lý Sơn', titles: ['Mô hình thuyền gỗ đảo Lý Sơn trang trí', 'Nón bảo hiểm in hình đảo Lý Sơn'], price: [120_000, 350_000], category: ['Nhà cửa & Đời sống', 'Trang trí'] },
];

/** Unrelated goods (with two traps: "nhái" as a frog lure, "F1" as a hybrid seed). */
export const FILLER: Array<{ title: string; price: [number, number]; category: string[] }> = [
  { title: 'Mồi câu cá nhái hơi silicon 5cm', price: [25_000, 60_000], category: ['Thể thao & Dã ngoại', 'Câu cá'] },
  { title: 'Hạt giống dưa hấu F1 Hắc Mỹ Nhân gói 20 hạt', price: [15_000, 35_000], category: ['Nhà cửa & Đời sống', 'Làm vườn'] },
  { title: 'Hạt giống ớt chỉ thiên F1 gói 0.1g', price: [10_000, 25_000], category: ['Nhà cửa & Đời sống', 'Làm vườn'] },
  { title: 'Dép tổ ong nam nữ đi mưa', price: [35_000, 70_000], category: SHOES },
  { title: 'Bàn phím cơ không dây 84 phím switch đỏ', price: [450_000, 900_000], category: ['Máy tính & Laptop', 'Bàn phím'] },
  { title: 'Áo thun trơn cotton 100% form rộng unisex', price: [59_000, 129_000], category: ['Thời trang', 'Áo'] },
  { title: 'Nồi cơm điện mini 1.2L lòng chống dính', price: [250_000, 420_000], category: KITCHEN },
  { title: 'Ấm siêu tốc inox 1.8L tự ngắt', price: [150_000, 290_000], category: KITCHEN },
  { title: 'Kệ sách gỗ 5 tầng lắp ráp', price: [350_000, 750_000], category: ['Nhà cửa & Đời sống', 'Nội thất'] },
  { title: 'Đèn ngủ cảm ứng gắn tường sạc USB', price: [70_000, 160_000], category: ['Nhà cửa & Đời sống', 'Đèn'] },
  { title: 'Bình giữ nhiệt inox 304 dung tích 750ml', price: [120_000, 260_000], category: KITCHEN },
  { title: 'Balo laptop chống nước 15.6 inch', price: [220_000, 480_000], category: BAGS },
  { title: 'Sạc dự phòng 20000mAh sạc nhanh 22.5W', price: [290_000, 560_000], category: PHONE_ACC },
  { title: 'Thảm tập yoga TPE 6mm kèm túi', price: [160_000, 320_000], category: ['Thể thao & Dã ngoại', 'Yoga'] },
  { title: 'Khẩu trang y tế 4 lớp hộp 50 cái', price: [30_000, 55_000], category: ['Sức khỏe', 'Vật tư y tế'] },
  { title: 'Bút bi nước mực xanh hộp 20 cây', price: [40_000, 75_000], category: ['Văn phòng phẩm', 'Bút'] },
  { title: 'Gạo ST25 túi 5kg thơm dẻo', price: [160_000, 230_000], category: ['Bách hóa', 'Gạo'] },
  { title: 'Nước mắm nhà làm cá cơm 35 độ đạm chai 500ml', price: [60_000, 110_000], category: ['Bách hóa', 'Gia vị'] },
  { title: 'Trà xanh túi lọc hộp 25 gói', price: [35_000, 70_000], category: ['Bách hóa', 'Trà'] },
  { title: 'Cà phê rang xay nguyên chất Robusta 500g', price: [90_000, 170_000], category: ['Bách hóa', 'Cà phê'] },
];

/** Parts of made-up shop names. */
export const SHOP_WORDS = {
  counterfeit: ['Sneaker Rep', 'Hàng Hiệu Giá Tốt', 'Kho Sỉ Quảng Châu', 'TT Store 88', 'Minh Fashion', 'Bảo Anh Shop', 'Tiệm Nhà Sóc', 'Hot Trend 2026', 'Kho Hàng Xả', 'Thế Giới Phụ Kiện', 'Lux Bag House', 'Đồng Hồ Giá Sỉ', 'Mỹ Phẩm Xách Tay Hạnh', 'An Nhiên Store'],
  genuine: ['Authentic Corner', 'Hàng Hiệu Chính Hãng VN', 'Minh Khang Retail', 'Hoa Sen Mart', 'Phú An Chính Hãng', 'Tân Phát Store', 'Đại Lý Ủy Quyền Sài Gòn', 'Mega Mart Online'],
  accessory: ['Phụ Kiện Minh Tâm', 'Phụ Kiện Số 1', 'Linh Kiện 24h', 'Ốp Lưng Xinh', 'Phụ Tùng Xe Tâm An'],
  specialty: ['Đặc Sản Ba Miền', 'Quà Quê Online', 'Tạp Hóa 247', 'Kho Sỉ Miền Nam', 'Chợ Quê Mart', 'Nông Sản Sạch Hà Nội', 'Gia Vị Nhà Bếp'],
  filler: ['Nhà Cửa Xinh', 'Bách Hóa Tiện Lợi', 'Văn Phòng Phẩm Ánh Dương', 'Shop Tiện Ích 365', 'Thế Giới Đồ Gia Dụng'],
  family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'],
};

/** Where sellers of mark goods and of GIs from outside their region ship from. */
export const BIG_CITIES = ['TP. Hồ Chí Minh', 'Hà Nội', 'Đà Nẵng', 'Hải Phòng', 'Bình Dương', 'Đồng Nai', 'Cần Thơ', 'Lạng Sơn', 'Nghệ An', 'Khánh Hòa'];
