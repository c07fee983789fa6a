/**
 * What a reader saw. `data` holds only validated values; a value the page does not show (yet) is
 * simply absent. `missing` names the parts of the tool we expected but could not find or could
 * not accept (markup changed, unlabelled input, invalid value): features use it to stay quiet.
 */
export interface Reading<T> {
  data: T;
  missing: string[];
}
