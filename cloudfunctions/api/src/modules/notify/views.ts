export interface ConsentView {
  templateKey: string;
  accepted: boolean;
  at: string;
}
