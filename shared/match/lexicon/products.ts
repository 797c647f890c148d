/**
 * The product lexicon: what a listing sells, in the words Vietnamese sellers use, grouped into
 * concepts with their synonyms (Vietnamese with and without diacritics, English). A GI or a
 * product-bound collective mark counts only when its product's concept appears near the place name.
 * Concepts that are not GI products (jujube, raisin, milk…) matter too: they tell "táo đỏ Tân Cương"
 * (Xinjiang jujubes) from "chè Tân Cương". Each entry may list words that, next to it, make it mean
 * something else ("cam kết" is a promise, not an orange). Pure data.
 */

/** One product concept: its phrases, and neighbouring words that cancel a phrase's product meaning. */
export interface ProductConcept {
  id: string;
  /** Phrases as sellers write them (accented where the accent decides the meaning). */
  phrases: string[];
  /** Folded words which, right after the phrase, give it another meaning. */
  notBefore?: string[];
  /** Folded words which, right before the phrase, give it another meaning. */
  notAfter?: string[];
  /** Concepts close enough to count for a GI of this concept (dried lychee for lychee). */
  close?: string[];
  /** Concepts that are ingredients of this one: named between it and the place, they do not make it another product ("nước mắm cá cơm Phú Quốc"). */
  ingredients?: string[];
}

/** Heads that turn a product into a flavour or an ingredient of something else ("kẹo cà phê"). */
export const FLAVOUR_HEADS = ['keo', 'banh', 'mut', 'vi', 'huong', 'mui', 'sua tam', 'dau goi', 'xa phong', 'nen thom', 'son', 'kem', 'nuoc hoa', 'tinh chat', 'sap', 'mau', 'in hinh', 'hinh', 'cay', 'hat giong', 'giong', 'cong thuc', 'may', 'coc', 'ly', 'tach', 'binh', 'hop dung', 'phin', 'khay', 'am', 'cai ao', 'ghim', 'tranh', 'hinh in', 'sticker', 'moc khoa'];

/** The product concepts. */
export const PRODUCT_CONCEPTS: ProductConcept[] = [
  { id: 'coffee', phrases: ['cà phê', 'cafe', 'café', 'caphe', 'coffee', 'cafê', 'cf'], notBefore: ['sua', 'den da'] },
  { id: 'tea', phrases: ['chè', 'trà', 'tea', 'chè xanh', 'trà xanh', 'green tea', 'shan tuyết', 'chè shan', 'trà shan', 'búp chè', 'trà búp'], notBefore: ['sua', 'chanh', 'dao', 'sữa', 'đậu', 'khúc bạch', 'thái', 'bưởi', 'hạt sen', 'dưỡng nhan', 'my'], notAfter: ['ấm', 'ly', 'bình', 'khay'] },
  { id: 'lychee', phrases: ['vải thiều', 'vải', 'vai thieu', 'lychee', 'litchi', 'vải sấy', 'vải khô'], notBefore: ['thun', 'cotton', 'lanh', 'jean', 'kaki', 'dù', 'bạt', 'nỉ', 'voan', 'lụa', 'không dệt', 'canvas', 'mềm', 'bố', 'tuyn', 'lưới', 'dày', 'mỏng', 'co giãn', 'may', 'bọc', 'sợi', 'thô', 'đũi', 'nhung', 'da'], notAfter: ['túi', 'áo', 'quần', 'khăn', 'giày', 'mũ', 'nón', 'rèm', 'vỏ', 'bao', 'hộp', 'tủ', 'ghế', 'găng', 'khẩu trang', 'băng', 'mặt nạ', 'ga', 'drap', 'bằng', 'chất', 'loại'] },
  { id: 'fish_sauce', phrases: ['nước mắm', 'mắm', 'fish sauce', 'nuoc mam'], notBefore: ['tôm', 'ruốc', 'tép', 'cáy', 'nêm', 'tỏi ớt', 'chay'], ingredients: ['fish', 'salt'] },
  { id: 'pomelo', phrases: ['bưởi', 'pomelo', 'bưởi da xanh', 'buoi'], notBefore: ['tinh dầu', 'dầu gội', 'xịt'], notAfter: ['tinh dầu', 'dầu gội', 'xịt', 'hương', 'vỏ', 'chè', 'kẹo', 'mứt'] },
  { id: 'rice', phrases: ['gạo', 'rice', 'gạo nếp', 'nếp', 'gạo tám', 'séng cù', 'gạo séng cù', 'gao'], notBefore: ['lứt sấy', 'rang'], notAfter: ['bánh', 'giấm', 'bột', 'nồi', 'hộp', 'thùng'] },
  { id: 'honey', phrases: ['mật ong', 'honey', 'mat ong'], notAfter: ['sữa tắm', 'son', 'dưỡng', 'mặt nạ', 'kẹo', 'bánh'] },
  { id: 'cinnamon', phrases: ['quế', 'cinnamon', 'vỏ quế', 'que'], notAfter: ['rau', 'húng', 'tinh dầu', 'nến', 'túi thơm', 'xà phòng'], notBefore: ['hương'] },
  { id: 'pepper', phrases: ['hạt tiêu', 'tiêu', 'pepper', 'tiêu đen', 'tiêu sọ', 'hat tieu', 'tiêu xanh'], notBefore: ['chuẩn', 'dùng', 'hóa', 'biểu', 'thụ', 'chí', 'đề', 'cực', 'tan', 'điểm', 'diệt', 'hao', 'xài', 'pha', 'chuan', 'dung', 'hoa', 'bieu', 'thu', 'chi', 'de', 'cuc'], notAfter: ['muối', 'mục', 'chỉ', 'người', 'bình', 'cối', 'máy xay', 'cay', 'xay'] },
  { id: 'orange', phrases: ['cam', 'cam sành', 'orange', 'cam canh', 'cam vinh'], notBefore: ['kết', 'đoan', 'on', 'era', 'ket', 'doan', 'pha', 'chịu', 'go', 'rem', 'hành', 'tâm', 'lòng'], notAfter: ['màu', 'mau', 'đỏ', 'vàng', 'xanh', 'đen', 'trắng', 'hồng', 'tím', 'sọc', 'viền', 'nước', 'tinh dầu', 'vị', 'hương', 'kẹo', 'mứt', 'nồi', 'máy', 'mascara', 'son', 'áo', 'quần', 'web', 'home', 'hành trình', 'lùi'] },
  { id: 'mango', phrases: ['xoài', 'mango', 'xoài cát', 'xoài tròn', 'xoai', 'xoài tứ quý'], notAfter: ['vị', 'hương', 'sấy dẻo vị'] },
  { id: 'dragon_fruit', phrases: ['thanh long', 'dragon fruit', 'thanh long ruột đỏ'] },
  { id: 'garlic', phrases: ['tỏi', 'garlic', 'tỏi cô đơn', 'tỏi tía', 'toi'], notAfter: ['tinh dầu', 'máy', 'dụng cụ', 'bóc', 'ép', 'dầu'] },
  { id: 'ginseng', phrases: ['sâm', 'ginseng', 'sâm ngọc linh', 'sâm nam', 'nhân sâm', 'sam'], notBefore: ['banh', 'sung', 'cau', 'dứa', 'bố chính'], notAfter: ['xá', 'nước', 'kẹo', 'trà', 'sữa'] },
  { id: 'persimmon', phrases: ['hồng không hạt', 'hồng', 'quả hồng', 'hồng sấy', 'hồng treo gió', 'persimmon'], notBefore: ['hạc', 'ngoại', 'phấn', 'sâm', 'nhạt', 'đậm', 'pastel', 'cánh sen', 'ruby', 'đất', 'đào', 'tím', 'kông', 'kong', 'hà', 'quang', 'ngọc', 'phúc', 'đức', 'vàng'], notAfter: ['màu', 'hoa', 'má', 'môi', 'nhà', 'tông', 'cháo', 'đá', 'áo', 'son', 'viền', 'xanh', 'trắng', 'đen', 'tím', 'đỏ', 'vàng', 'be', 'kem'] },
  { id: 'longan', phrases: ['nhãn', 'nhãn lồng', 'longan', 'long nhãn', 'nhãn xuồng'], notBefore: ['dán', 'mác', 'hiệu', 'vở', 'in', 'decal', 'tên', 'giá', 'khoa', 'cầu', 'dan', 'mac', 'hieu', 'vo'], notAfter: ['in', 'máy in', 'giấy in', 'mực'] },
  { id: 'birds_nest', phrases: ['yến', 'yến sào', 'tổ yến', "bird's nest", 'bird nest', 'yen sao', 'to yen', 'nước yến'], notBefore: ['mạch', 'nhi', 'ẩm', 'tiệc', 'anh', 'vy', 'linh'], notAfter: ['tiệc', 'mạch'] },
  { id: 'salt', phrases: ['muối', 'salt', 'muối hột', 'muoi'], notAfter: ['dưa', 'cà', 'tôm', 'ớt', 'chanh', 'rang', 'gà', 'tiêu'], notBefore: ['tắm', 'ngâm chân', 'tôm', 'ớt', 'tiêu', 'chanh'] },
  { id: 'cajeput_oil', phrases: ['tinh dầu tràm', 'dầu tràm', 'cajeput', 'tram oil'] },
  { id: 'conical_hat', phrases: ['nón lá', 'nón bài thơ', 'conical hat', 'non la'] },
  { id: 'jujube', phrases: ['táo đỏ', 'táo tàu', 'jujube', 'táo đen', 'táo khô', 'tao do'] },
  { id: 'apple_fruit', phrases: ['táo', 'apple fruit'] },
  { id: 'raisin', phrases: ['nho khô', 'raisin', 'nho xanh khô'] },
  { id: 'grape', phrases: ['nho', 'grape', 'nho xanh', 'nho tươi', 'nho đỏ'], notBefore: ['nhỏ', 'khô'], close: ['raisin'] },
  { id: 'walnut', phrases: ['óc chó', 'hạt óc chó', 'walnut', 'hạnh nhân', 'hạt dưa', 'hạt bí'] },
  { id: 'milk', phrases: ['sữa', 'milk', 'sữa tươi', 'sữa chua', 'sữa bột', 'bò sữa'] },
  { id: 'beef', phrases: ['thịt bò', 'bò khô', 'beef', 'wagyu', 'bò'] },
  { id: 'chestnut', phrases: ['hạt dẻ', 'dẻ', 'chestnut'], notAfter: ['màu'] },
  { id: 'custard_apple', phrases: ['mãng cầu', 'na', 'na dai', 'custard apple', 'soursop'], notBefore: ['ruột'] },
  { id: 'pineapple', phrases: ['khóm', 'dứa', 'thơm', 'pineapple'], notBefore: ['ngon', 'mát', 'lâu', 'phức', 'tho'] },
  { id: 'lobster', phrases: ['tôm hùm', 'lobster'] },
  { id: 'shrimp', phrases: ['tôm', 'tôm sú', 'tôm càng xanh', 'shrimp', 'prawn'], close: ['lobster'] },
  { id: 'crab', phrases: ['cua', 'cua biển', 'crab'] },
  { id: 'banana', phrases: ['chuối', 'chuối ngự', 'banana'] },
  { id: 'dong_noodle', phrases: ['miến dong', 'miến', 'glass noodle'] },
  { id: 'mandarin', phrases: ['quýt', 'mandarin', 'tangerine'], close: ['orange'] },
  { id: 'pipe_tobacco', phrases: ['thuốc lào', 'thuoc lao'] },
  { id: 'sedge', phrases: ['cói', 'chiếu cói', 'túi cói', 'thảm cói', 'sedge'] },
  { id: 'spirits', phrases: ['rượu', 'cognac', 'brandy', 'rượu ngô', 'spirits'] },
  { id: 'star_milk_apple', phrases: ['vú sữa', 'vú sữa lò rèn', 'star apple'] },
  { id: 'coconut', phrases: ['dừa', 'dừa xiêm', 'dừa sáp', 'coconut'], notAfter: ['kẹo', 'dầu', 'bánh', 'thạch', 'mứt', 'nước cốt', 'sữa', 'vỏ', 'than', 'chỉ xơ', 'xơ', 'gáo'], notBefore: ['dầu'] },
  { id: 'mai_flower', phrases: ['hoa mai', 'mai vàng', 'cây mai'] },
  { id: 'clam', phrases: ['ngán', 'con ngán'] },
  { id: 'sea_snail', phrases: ['ốc hương', 'ốc'] },
  { id: 'sipunculid', phrases: ['sá sùng'] },
  { id: 'fish', phrases: ['cá', 'cá bỗng', 'fish'] },
  { id: 'ginger', phrases: ['gừng', 'ginger'], notAfter: ['tinh dầu', 'trà', 'kẹo', 'mứt', 'dầu gội'] },
  { id: 'bamboo_shoot', phrases: ['măng', 'măng tre', 'bamboo shoot'] },
  { id: 'cashew', phrases: ['hạt điều', 'điều', 'cashew'], notBefore: ['khiển', 'hòa', 'chỉnh', 'trị', 'kiện', 'lệ', 'tiết', 'dưỡng'], notAfter: ['bộ', 'máy', 'remote'] },
  { id: 'star_anise', phrases: ['hoa hồi', 'hồi', 'đại hồi', 'star anise'] },
  { id: 'grass_jelly', phrases: ['thạch đen', 'sương sáo', 'grass jelly'] },
  { id: 'artemia', phrases: ['artemia'] },
  { id: 'vegetables', phrases: ['rau', 'rau sạch', 'rau thơm', 'rau gia vị', 'vegetable'] },
];
