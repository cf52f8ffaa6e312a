import { create } from 'zustand';
import type { AnalyzeProgress } from '../services/analyze';

interface AnalysisState {
  /** Set while pages are being analysed in the background. */
  progress: AnalyzeProgress | null;
}

const initialState: AnalysisState = { progress: null };

export const useAnalysis = create<AnalysisState>()(() => initialState);

export function resetAnalysisStore(): void {
  useAnalysis.setState(initialState, true);
}

export function setAnalysisProgress(progress: AnalyzeProgress | null): void {
  useAnalysis.setState({ progress });
}
