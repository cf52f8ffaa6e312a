/**
 * How Tesseract 5 (`chi_sim`) misreads characters of a printed newspaper column: each entry is the
 * right character, the one the engine wrote, how often it did, and how often the right character
 * was printed on those pages. Measured by test/sim/measure-confusions.ts on the tuning half of
 * test/fixtures/eval-ocr (ocr-01…12); ocr-13…24 are held out. Rare and many-stroke characters are
 * the ones misread, usually as a commoner one that shares a component (蚕 → 天, 牦 → 性, 宜 → 宣).
 */
export const OCR_CONFUSIONS = `
  辩辨 1 1  蚕鼻 1 8  蚕蛋 1 8  蚕短 1 8  蚕乔 1 8  蚕虱 1 8  蚕天 1 8  蚕午 1 8  橙栖 1 4  覆履 1 4  古十 2 6  馆迄 1 21
  涵池 1 1  猴狗 1 6  开下 1 99  崃二 1 3  蔺苦 1 4  蔺前 1 4  牦犊 1 4  牦恬 1 4  牦性 2 4  眉丑 1 13  猕儿 1 6  猕狼 1 6
  亩雷 1 5  蓬攻 1 1  郫凋 1 3  千二 1 1  邛巴 1 3  桑对 1 7  桑煞 1 7  膳腾 1 3  遂闻 2 6  望户 1 4  慰奈 1 3  夕儿 1 1
  旬名 2 3  宜宣 1 7  彝莱 1 2  彝醚 1 2  因四 1 2  枝核 1 9  枝校 1 9  至双 1 8
`;
