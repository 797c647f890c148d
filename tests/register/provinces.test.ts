import { describe, expect, it } from 'vitest';
import { NEW_PROVINCES, PROVINCES, locationInRegion, provinceOf } from '../../shared/register/provinces.ts';

describe('province mapping of 1 July 2025', () => {
  it('has the 63 old and 34 new provinces', () => {
    expect(PROVINCES).toHaveLength(63);
    expect(NEW_PROVINCES).toHaveLength(34);
  });

  it('reads old, new, short and decorated names', () => {
    expect(provinceOf('Kiên Giang')).toMatchObject({ old: 'Kiên Giang', new: 'An Giang' });
    expect(provinceOf('kien giang')).toMatchObject({ old: 'Kiên Giang', new: 'An Giang' });
    expect(provinceOf('TP.HCM')).toMatchObject({ new: 'TP. Hồ Chí Minh' });
    expect(provinceOf('Quận 1, TP. Hồ Chí Minh')).toMatchObject({ new: 'TP. Hồ Chí Minh' });
    expect(provinceOf('Tỉnh Đắk Lắk')).toMatchObject({ old: 'Đắk Lắk', new: 'Đắk Lắk' });
    expect(provinceOf('TP. Huế')).toMatchObject({ new: 'TP. Huế' });
    expect(provinceOf('Nước ngoài')).toBeUndefined();
    expect(provinceOf('')).toBeUndefined();
  });

  it('matches a GI region written with old names against shops written either way', () => {
    const phuQuoc = ['Kiên Giang'];
    expect(locationInRegion(phuQuoc, 'Kiên Giang')).toBe(true);
    // "An Giang" since 2025 includes Kiên Giang: not an accusation on an ambiguity.
    expect(locationInRegion(phuQuoc, 'An Giang')).toBe(true);
    expect(locationInRegion(phuQuoc, 'Hà Nội')).toBe(false);
    expect(locationInRegion(phuQuoc, 'Bình Thuận')).toBe(false);
    expect(locationInRegion(phuQuoc, undefined)).toBeUndefined();
    expect(locationInRegion(phuQuoc, 'Overseas')).toBeUndefined();
    const lucNgan = ['Bắc Giang'];
    expect(locationInRegion(lucNgan, 'Bắc Ninh')).toBe(true); // new name of the merged province
    expect(locationInRegion(lucNgan, 'Hải Dương')).toBe(false);
    // A shop in old Bắc Ninh (written with its old=new name) is still counted inside: ambiguous.
    const buonMaThuot = ['Đắk Lắk'];
    expect(locationInRegion(buonMaThuot, 'Phú Yên')).toBe(false); // old province merged into Đắk Lắk, not the GI region
    expect(locationInRegion(buonMaThuot, 'Lâm Đồng')).toBe(false);
  });
});
