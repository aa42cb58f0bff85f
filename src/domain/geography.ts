// Counties and their reporting geography (DOMAIN.md section 9).

export interface CountyDefinition {
  code: string;
  name: string;
  spas: { number: number; name: string }[];
}

/** LA County reports by its eight Service Planning Areas (seed 003). */
export const LOS_ANGELES: CountyDefinition = {
  code: 'los-angeles',
  name: 'Los Angeles County',
  spas: [
    { number: 1, name: 'Antelope Valley' },
    { number: 2, name: 'San Fernando' },
    { number: 3, name: 'San Gabriel' },
    { number: 4, name: 'Metro' },
    { number: 5, name: 'West' },
    { number: 6, name: 'South' },
    { number: 7, name: 'East' },
    { number: 8, name: 'South Bay' },
  ],
};

/** San Diego County uses Health and Human Services regions; six here, for isolation tests and the demo. */
export const SAN_DIEGO: CountyDefinition = {
  code: 'san-diego',
  name: 'San Diego County',
  spas: [
    { number: 1, name: 'Central' },
    { number: 2, name: 'East' },
    { number: 3, name: 'North Central' },
    { number: 4, name: 'North Coastal' },
    { number: 5, name: 'North Inland' },
    { number: 6, name: 'South' },
  ],
};

/** All deadlines are computed in the county's local time (DOMAIN.md section 9). */
export const COUNTY_TIME_ZONE = 'America/Los_Angeles';
