import type { ScalarFunction } from '../types.js';
import { SqlError } from '../../src/types/sql-error.js';

// ksqlDB's effective Earth radii.
const EARTH_RADIUS_KM = 6371;
const EARTH_RADIUS_MILES = 3959;
const MILES = new Set(['mi', 'mile', 'miles']);
const KMS = new Set(['km', 'kilometer', 'kilometers', 'kilometre', 'kilometres']);
const DEGREES_TO_RADIANS = 0.017453292519943295; // Java's Math.toRadians factor

/** Java String.trim(): strips chars <= U+0020 from both ends. */
const javaTrim = (s: string): string => s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');

function radius(units: string | null): number {
  if (units === null) return EARTH_RADIUS_KM;
  const unit = javaTrim(units).toLowerCase();
  if (unit === '' || KMS.has(unit)) return EARTH_RADIUS_KM;
  if (MILES.has(unit)) return EARTH_RADIUS_MILES;
  throw new SqlError('EVALUATION_ERROR', 'GeoDistance function units parameter must be one of mi, mile, miles, km, '
    + 'kilometer, kilometers, kilometre or kilometres. Values are case-insensitive.');
}

const haversin = (x: number): number => Math.sin(x / 2) ** 2;

/** Great-circle distance by the haversine formula, as ksqlDB computes it. */
function geoDistance(lat1: number | null, lon1: number | null, lat2: number | null, lon2: number | null,
  units: string | null = null): number | null {
  // The coordinates are Java primitives: a NULL fails the call, which ksqlDB reports as NULL.
  if (lat1 === null || lon1 === null || lat2 === null || lon2 === null) return null;
  if (lat1 < -90 || lat2 < -90 || lat1 > 90 || lat2 > 90) {
    throw new SqlError('EVALUATION_ERROR', 'valid latitude values for GeoDistance function are in the range of -90 to 90 decimal degrees');
  }
  if (lon1 < -180 || lon2 < -180 || lon1 > 180 || lon2 > 180) {
    throw new SqlError('EVALUATION_ERROR', 'valid longitude values for GeoDistance function are in the range of -180 to +180 decimal degrees');
  }
  const r = radius(units);
  const dLat = (lat2 - lat1) * DEGREES_TO_RADIANS;
  const dLon = (lon2 - lon1) * DEGREES_TO_RADIANS;
  const a = haversin(dLat) + haversin(dLon) * Math.cos(lat1 * DEGREES_TO_RADIANS) * Math.cos(lat2 * DEGREES_TO_RADIANS);
  return 2 * Math.asin(Math.sqrt(a)) * r;
}

const coordinates = ['lat1', 'lon1', 'lat2', 'lon2'].map((name) => ({ name, type: { kind: 'DOUBLE' as const } }));

export const geoDistanceFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'GEO_DISTANCE',
  category: 'MATHEMATICAL',
  description: 'Compute the distance between two points on the surface of the earth, according to the Haversine formula for "great circle distance".',
  overloads: [
    { params: coordinates, returns: { kind: 'DOUBLE' }, impl: geoDistance },
    {
      // A NULL unit means kilometres.
      params: [...coordinates, { name: 'units', type: { kind: 'STRING' } }],
      returns: { kind: 'DOUBLE' },
      nulls: 'custom',
      impl: geoDistance,
    },
  ],
  examples: [
    { call: 'ROUND(GEO_DISTANCE(37.4439, -122.1663, 51.5257, -0.1122), 3)', result: 8634.66 },
    { call: "ROUND(GEO_DISTANCE(37.4439, -122.1663, 51.5257, -0.1122, 'MI'), 3)", result: 5365.66 },
  ],
};
