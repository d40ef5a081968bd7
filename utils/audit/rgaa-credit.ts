/**
 * Whose work the RGAA 4.1.2 data is and under which licence: the credit the Licence Ouverte asks for
 * wherever RGAA numbers or titles are shown (the panel's audit, the report's appendix, the checklist's
 * attribution). Kept apart from the RGAA data so that a page showing the credit does not carry it.
 */
export const RGAA_CREDIT = 'DINUM, Licence Ouverte 2.0';
