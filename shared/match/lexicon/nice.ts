/**
 * Goods words by Nice class: which classes a listing's words and marketplace category point to, so
 * a mark that is also an ordinary word ("Apple", "Tiger", "Dove") counts only when the goods fit.
 * Words are written as sellers write them (Vietnamese, English); they are folded when the index is
 * built. Pure data.
 */

/** Goods words (Vietnamese and English) for the Nice classes a consumer marketplace sees. */
export const NICE_GOODS_WORDS: Record<number, string[]> = {
  3: ['mỹ phẩm', 'son', 'son môi', 'kem', 'kem dưỡng', 'kem chống nắng', 'sữa rửa mặt', 'dầu gội', 'dầu xả', 'sữa tắm', 'xà phòng', 'xà bông', 'nước hoa', 'perfume', 'serum', 'toner', 'lotion', 'mặt nạ', 'tẩy trang', 'dưỡng da', 'dưỡng thể', 'phấn', 'mascara', 'kẻ mắt', 'cushion', 'nước giặt', 'bột giặt', 'nước xả', 'xả vải', 'nước rửa chén', 'kem đánh răng', 'shampoo', 'conditioner', 'cosmetic', 'makeup', 'skincare', 'body wash', 'lăn khử mùi', 'khử mùi', 'tẩy tế bào chết', 'sữa dưỡng', 'nước tẩy', 'dưỡng tóc', 'dưỡng môi', 'detergent', 'soap', 'tinh chất', 'essence', 'gel rửa', 'dầu dưỡng', 'eau de parfum', 'edp', 'edt'],
  5: ['thực phẩm chức năng', 'thực phẩm bảo vệ sức khỏe', 'tpcn', 'viên uống', 'sinh lực', 'vitamin', 'thuốc', 'viên uống', 'men vi sinh', 'sữa bột'],
  7: ['máy giặt', 'máy xay', 'máy ép', 'máy hút bụi', 'máy rửa bát', 'máy khoan', 'máy bơm', 'máy cắt', 'máy mài', 'máy làm sữa hạt', 'máy đánh trứng', 'máy xay sinh tố', 'robot hút bụi', 'máy rửa xe', 'máy nén', 'blender'],
  8: ['dao', 'kéo', 'bộ dao', 'dao cạo', 'tông đơ', 'máy cạo râu', 'bàn là', 'bàn ủi', 'kìm', 'cờ lê', 'tua vít', 'dụng cụ cầm tay'],
  9: ['điện thoại', 'smartphone', 'phone', 'laptop', 'máy tính', 'máy tính bảng', 'tablet', 'tai nghe', 'headphone', 'earphone', 'earbuds', 'loa', 'speaker', 'bluetooth', 'sạc', 'củ sạc', 'cáp', 'cáp sạc', 'charger', 'cable', 'pin', 'sạc dự phòng', 'power bank', 'tivi', 'tv', 'smart tv', 'màn hình', 'monitor', 'camera', 'máy ảnh', 'ống kính', 'lens', 'chuột', 'bàn phím', 'keyboard', 'mouse', 'usb', 'ổ cứng', 'thẻ nhớ', 'router', 'wifi', 'kính', 'kính mắt', 'kính râm', 'gọng kính', 'sunglasses', 'đồng hồ thông minh', 'smartwatch', 'máy in', 'printer', 'máy chiếu', 'ốp lưng', 'ốp', 'case', 'cường lực', 'miếng dán', 'hub', 'adapter', 'đầu đọc', 'microphone', 'mic', 'dàn âm thanh', 'amply', 'radio', 'watch', 'đồng hồ', 'pc', 'cpu', 'ram', 'ssd', 'vga', 'máy tính bỏ túi', 'calculator', 'bóng đèn', 'đèn led', 'ổ cắm', 'công tắc', 'dây điện', 'phích cắm'],
  10: ['máy đo huyết áp', 'nhiệt kế', 'máy massage', 'máy xông', 'massage', 'khẩu trang', 'gối massage'],
  11: ['tủ lạnh', 'máy lạnh', 'điều hòa', 'máy điều hòa', 'quạt', 'quạt điện', 'nồi cơm', 'nồi cơm điện', 'nồi chiên', 'nồi chiên không dầu', 'nồi áp suất', 'nồi áp suất điện', 'bếp', 'bếp từ', 'bếp ga', 'bếp hồng ngoại', 'lò vi sóng', 'lò nướng', 'ấm siêu tốc', 'ấm đun', 'bình đun', 'bình nóng lạnh', 'máy nước nóng', 'máy lọc nước', 'lọc nước', 'máy lọc không khí', 'lọc không khí', 'lọc khí', 'khẩu trang lọc', 'máy sấy', 'máy sấy tóc', 'đèn', 'bóng đèn', 'đèn led', 'đèn pin', 'máy hút mùi', 'máy sưởi', 'bình thủy điện', 'air fryer', 'rice cooker', 'fan', 'refrigerator', 'fridge', 'air conditioner', 'máy làm mát', 'quạt điều hòa', 'nồi lẩu', 'bếp nướng', 'máy pha cà phê', 'cây nước nóng lạnh', 'lõi lọc'],
  14: ['đồng hồ', 'watch', 'kính mát', 'mắt kính', 'gọng kính', 'kính râm', 'sunglasses', 'trang sức', 'nhẫn', 'dây chuyền', 'vòng tay', 'bông tai', 'khuyên tai', 'lắc tay', 'lắc chân', 'mặt dây', 'jewelry', 'ring', 'necklace', 'bracelet', 'earring', 'vàng', 'bạc', 'kim cương', 'charm'],
  16: ['bút', 'bút bi', 'bút chì', 'bút mực', 'bút lông', 'bút dạ', 'vở', 'sổ', 'giấy', 'tập', 'sách', 'thước', 'tẩy', 'gôm', 'hộp bút', 'văn phòng phẩm', 'pen', 'notebook', 'marker', 'mực', 'sáp nặn', 'bột nặn', 'đất nặn', 'bút lông', 'bút màu', 'màu nước', 'họa cụ', 'bút sáp'],
  18: ['túi', 'túi xách', 'ví', 'bóp', 'balo', 'ba lô', 'cặp', 'vali', 'túi đeo', 'túi đeo chéo', 'clutch', 'bag', 'handbag', 'wallet', 'backpack', 'tote', 'dây lưng', 'thắt lưng', 'túi tote', 'ví da', 'móc khóa'],
  21: ['nồi', 'chảo', 'xoong', 'hộp đựng', 'hộp đựng thực phẩm', 'hộp cơm', 'bình giữ nhiệt', 'bình nước', 'cốc', 'ly', 'chén', 'bát', 'đĩa', 'muỗng', 'thìa', 'đũa', 'ấm', 'khay', 'thớt', 'bàn chải', 'bàn chải đánh răng', 'lồng bàn', 'hũ', 'hộp thủy tinh', 'bình', 'phích', 'cookware', 'pan', 'pot', 'bottle', 'tumbler', 'mug', 'container', 'lunch box', 'bộ nồi', 'nồi inox', 'chảo chống dính', 'dụng cụ nhà bếp'],
  25: ['giày', 'dép', 'sandal', 'giày thể thao', 'sneaker', 'sneakers', 'áo', 'quần', 'áo thun', 'áo phông', 'áo khoác', 'áo polo', 'áo sơ mi', 'áo hoodie', 'hoodie', 'váy', 'đầm', 'mũ', 'nón', 'tất', 'vớ', 'shoes', 'shoe', 'shirt', 't-shirt', 'tshirt', 'jacket', 'pants', 'jeans', 'cap', 'hat', 'dress', 'socks', 'slides', 'dép lê', 'giày chạy bộ', 'giày bóng đá', 'quần short', 'áo khoác gió', 'đồ bộ', 'jogger', 'quần áo', 'áo len', 'áo gió', 'bra', 'đồ lót', 'boots', 'bốt', 'guốc', 'cao gót', 'khăn', 'áo bóng đá', 'giày da', 'giày lười', 'sweater', 'áo nỉ'],
  28: ['đồ chơi', 'thú nhồi bông', 'gấu bông', 'thú bông', 'nhồi bông', 'bóng', 'vợt', 'quả bóng', 'búp bê', 'lắp ráp', 'xếp hình', 'mô hình', 'toy', 'toys', 'ball', 'racket', 'găng tay thủ môn', 'dụng cụ thể thao', 'bộ lắp ráp', 'minifigure', 'đồ chơi lắp ráp', 'gậy', 'cần câu'],
  29: ['sữa', 'sữa tươi', 'sữa chua', 'sữa đặc', 'phô mai', 'bơ', 'milk', 'yogurt', 'cheese', 'thịt', 'cá', 'trứng', 'dầu ăn', 'sữa hạt', 'váng sữa', 'sữa bột', 'formula', 'sữa công thức', 'sữa uống', 'dinh dưỡng', 'sữa non'],
  30: ['cà phê', 'cafe', 'coffee', 'trà', 'chè', 'tea', 'mì', 'mì gói', 'mì tôm', 'bánh', 'kẹo', 'gạo', 'bún', 'phở', 'miến', 'nước mắm', 'nước tương', 'gia vị', 'hạt nêm', 'bột ngọt', 'mật ong', 'socola', 'chocolate', 'ngũ cốc', 'cereal', 'bột', 'bánh quy', 'snack', 'cà phê hòa tan', 'cà phê sữa', 'instant coffee', 'noodle', 'noodles', 'tương ớt', 'sốt', 'cháo', 'hủ tiếu', 'bột cacao', 'cacao'],
  32: ['nước giải khát', 'nước ngọt', 'nước uống', 'nước ép', 'nước tăng lực', 'bia', 'beer', 'soda', 'juice', 'nước khoáng', 'thức uống', 'sữa uống'],
  33: ['rượu', 'wine', 'vang', 'whisky', 'vodka', 'cognac'],
  42: [],
};

/** Marketplace category words (folded phrases) and the Nice classes they mean. */
export const CATEGORY_CLASSES: Array<[string, number[]]> = [
  ['giày dép', [25]], ['giày', [25]], ['dép', [25]], ['thời trang', [25, 18, 14]], ['quần áo', [25]], ['áo', [25]], ['sneaker', [25]],
  ['túi ví', [18]], ['balo', [18]], ['túi', [18]], ['vali', [18]], ['bóp', [18]],
  ['trang sức', [14]], ['đồng hồ', [14, 9]], ['phụ kiện', [14, 18, 25, 9]],
  ['sắc đẹp', [3]], ['mỹ phẩm', [3]], ['chăm sóc da', [3]], ['chăm sóc tóc', [3]], ['nước hoa', [3]], ['trang điểm', [3]], ['giặt giũ', [3]], ['chăm sóc nhà cửa', [3, 21]],
  ['điện thoại', [9]], ['máy tính', [9]], ['laptop', [9]], ['thiết bị điện tử', [9]], ['máy ảnh', [9]], ['camera', [9]], ['âm thanh', [9]], ['tai nghe', [9]], ['gaming', [9, 28]],
  ['thiết bị điện gia dụng', [7, 8, 11]], ['gia dụng', [7, 8, 11, 21]], ['đồ gia dụng', [7, 8, 11, 21]], ['điện lạnh', [11]], ['nhà bếp', [21, 11, 8]], ['dụng cụ nhà bếp', [21]], ['nhà cửa', [21, 11]], ['đời sống', [21, 11]],
  ['đồ chơi', [28]], ['thể thao', [28, 25]], ['du lịch', [18, 25]],
  ['bách hóa', [29, 30, 32, 3]], ['thực phẩm', [29, 30, 32]], ['đồ uống', [32, 30]], ['sữa', [29, 5]], ['mẹ bé', [29, 5, 25, 28]], ['mẹ & bé', [29, 5, 25, 28]], ['sức khỏe', [5, 10]],
  ['nhà sách', [16]], ['văn phòng phẩm', [16]], ['sách', [16]],
];
