/**
 * The classes of words the doubled-character check weighs beside the dictionary (src-shared/text's
 * lexicon): reduplications, idioms with a doubled character, measure words, titles that follow a
 * name, light-verb objects. Lists are whitespace-separated strings so they stay readable.
 */

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/**
 * Reduplicated forms that are words by themselves (adverbs, softened verbs, kinship terms,
 * descriptive AA/ABB tails, given names). Such a pair is not an OCR suspect unless a word claims
 * one of its copies (专家|家, 转|转化).
 */
export const REDUPLICATIONS = words(`
  纷纷 常常 渐渐 刚刚 仅仅 往往 默默 频频 连连 屡屡 稍稍 略略 偏偏 明明 好好 慢慢 快快 早早 久久 深深
  紧紧 牢牢 轻轻 悄悄 静静 缓缓 徐徐 匆匆 暗暗 隐隐 微微 淡淡 浅浅 满满 足足 整整 大大 多多 小小 高高 长长
  处处 时时 事事 样样 种种 重重 层层 步步 节节 声声 款款 堂堂 恰恰 统统 通通 个个 人人 天天 年年 月月 日日
  夜夜 家家 户户 村村 条条 件件 项项 句句 字字 一一 两两 三三 看看 想想 说说 听听 走走 试试 谈谈 问问 聊聊
  等等 尝尝 读读 写写 练练 比比 动动 转转 逛逛 算算 查查 找找 学学 讲讲 谢谢 妈妈 爸爸 哥哥 姐姐 弟弟 妹妹 爷爷 奶奶 姥姥 叔叔 伯伯
  婆婆 舅舅 公公 宝宝 娃娃 星星 猩猩 蛐蛐 蝈蝈 乖乖 哈哈 呵呵 嘻嘻 嘿嘿 啦啦 拉拉 熊熊 炎炎 皑皑 茫茫 滔滔
  绵绵 蒙蒙 冉冉 袅袅 翩翩 姗姗 楚楚 津津 孜孜 兢兢 栩栩 欣欣 蒸蒸 勃勃 跃跃 源源 井井 历历 彬彬 侃侃 娓娓
  循循 谆谆 喋喋 振振 洋洋 济济 赫赫 累累 寥寥 区区 芸芸 莘莘 郁郁 葱葱 熙熙 攘攘 轰轰 烈烈 浩浩 荡荡 熠熠
  亭亭 落落 格格 绰绰 头头 息息 心心 念念 恋恋 生生 代代 世世 祖祖 辈辈 团团 哗哗 隆隆 呼呼 滚滚 汪汪 茸茸
  油油 彤彤 晶晶 乎乎 甸甸 眯眯 灿灿 冰冰 花花 腾腾 闪闪 飘飘 巍巍 苍苍 漫漫 盈盈 沉沉 昏昏 朦朦 胧胧 碌碌
  叨叨 嚷嚷 丽丽 婷婷 莹莹 娜娜 琳琳 佳佳 欢欢 贝贝 菲菲 媛媛 圆圆 芳芳 红红 燕燕 亮亮 东东 笑笑 楠楠 玲玲
  萍萍 青青 思思 悦悦 依依 琪琪 倩倩 露露 甜甜 钉钉 匆匆 蹦蹦 跳跳 刻刻 分分 秒秒 点点 滴滴 丝丝 缕缕
`);

/** Four-character idioms with a doubled character inside (不了了之): the doubling is the idiom. */
export const IDIOMS = words(`
  不了了之 自欺欺人 人云亦云 多此一举 心心相印 息息相关 生生不息 代代相传 人人有责 步步为营 层层把关 比比皆是
  头头是道 滔滔不绝 绰绰有余 格格不入 津津乐道 孜孜不倦 欣欣向荣 蒸蒸日上 源源不断 井井有条 循循善诱 彬彬有礼
  栩栩如生 姗姗来迟 侃侃而谈 娓娓道来 熠熠生辉 亭亭玉立 落落大方 念念不忘 恋恋不舍 依依不舍 默默无闻 赫赫有名
  面面俱到 历历在目 跃跃欲试 楚楚动人 振振有词 喋喋不休 谆谆教导 郁郁葱葱 忙忙碌碌 事事关心 处处留心 节节攀升
  层出不穷 日新月异 勃勃生机 生机勃勃 信心满满 干劲满满 意味深长 硕果累累 众目睽睽 大名鼎鼎 小心翼翼 得意洋洋
`);

/** Measure words: 一场场, 一个个 repeat the measure word on purpose. */
export const MEASURE_WORDS = new Set(
  Array.from('个场次批张条件项幅位座片颗步串朵道句队排层声年天点家户把棵只名本封首支届轮期代架辆台株块间所盆'),
);

/**
 * Words that follow an organisation or place name and begin with its last character: a title
 * (学会部|部长, 工作组|组长), a member (协会|会员) or a common noun (成都市|市场). When a doubled
 * character starts one of these, the doubling is the boundary between the name and the word.
 */
export const NAME_FOLLOWERS = words(`
  部长 会长 会员 市长 市委 市场 市民 市级 市中区 县长 县委 县城 县域 县级 区长 区委 区域 区县 区级 省长 省委 省级 村民 村委
  村长 村级 镇长 镇委 乡长 处长 科长 局长 所长 厅长 站长 队长 队员 馆长 校长 院长 院士 社长 社员 团长 团委 团员 组长
  组员 班长 州长 州委 委员 室主任 办主任 司长
`);

/** Nouns that are often an object fronted before a light verb (工作|作了安排). */
export const NOUNS = words(`
  工作 合作 创作 写作 协作 操作 制作 动作 著作 中心 重心 核心 信心 决心 民心 项目 题目 节目 目的 课程 工程 过程 规程 进程
  流程 章程 议程 日程 行程 会议 大会 协会 学会 社会 机会 委员会 理事会 座谈会 研讨会 培训会 推进会 交流会 学院 医院
  研究院 科学院 法院 国家 专家 大家 企业 行业 产业 专业 农业 工业 事业 就业 创业 物业 作业 学业 林业 商业 数据 证据
  依据 根据 政策 决策 对策 计划 规划 方法 办法 宪法 信息 消息 技术 艺术 学术 人才 人员 成员 会员 队员 党员 委员 职员
  学生 医生 先生 群众 民众 观众 公众 人民 居民 村民 农民 公民 市民 网民 体系 主体 集体 整体 媒体 团体 身体 载体
  问题 主题 专题 课题 话题 标题 时代 年代 现代 资源 能源 水平 平台 基地 园区 社区 景区 城区 山区 辖区 片区 地区
  科技 科学 教育 文化 经济 环境 生态 安全 质量 服务 活动 行动 精神 思想 理论 意识 能力 动力 活力 实力 潜力 力量
  领导 指导 干部 组织 单位 部门 机构 机制 体制 制度 任务 目标 成果 成效 成绩 效益 效果 作用 意义 要求 需求 举措
  措施 方案 方向 方式 形式 模式 内容 情况 经验 做法 知识 科普 设施 设备 产品 市场 区域 县城 城市 乡村 农村 乡镇
`);

/**
 * Two-character verbs and adjectives that reduplicate as ABAB (研究研究, 交流交流). Nouns do not,
 * which is why a doubled noun (中心中心) is a near-certain OCR doubling.
 */
export const ABAB_REDUPLICATIONS = words(`
  研究 讨论 学习 考虑 商量 休息 活动 锻炼 了解 认识 打扫 整理 准备 练习 调查 体验 分析 交流 沟通 检查 收拾 比较
  介绍 欣赏 放松 思考 琢磨 打听 清理 总结 温习 复习 梳理 关心 照顾 帮助 指导 提醒 高兴 热闹 凉快 暖和 轻松 舒服
  痛快 乐呵 表扬 鼓励 打扮 商议 切磋 尝试 看望 走动 串门 溜达 散步 参观 体会 感受 享受 比试 较量 搜集 整顿
`);
