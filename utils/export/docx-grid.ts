import { BorderStyle, type ITableBordersOptions } from 'docx';

/** The thin grid Yandu's tables are drawn with: grey in the notes and 对照表, black in 公文 handouts. */
export function gridBorders(color = '808080'): ITableBordersOptions {
  const border = { style: BorderStyle.SINGLE, size: 4, color };
  return {
    top: border,
    bottom: border,
    left: border,
    right: border,
    insideHorizontal: border,
    insideVertical: border,
  };
}
