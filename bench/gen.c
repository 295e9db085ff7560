/*
 * gen.c — jixiao-gen: writes a deterministic synthetic database through the
 * store layer, for measuring import, paging and comparing at scale.
 *
 *   bench/jixiao-gen [--departments N] [--years Y] [--projects P]
 *                    [--indicators I] [--first-year Y0] [--seed S]
 *                    [--big-list N] [--compare-dept P] DBFILE
 *
 * Every department gets Y consecutive years of P projects with I indicators
 * each (default 2 000 × 5 × 12 × 9 = 1.08 M indicators). A department-year
 * is built in memory as a struct jx_doc from the vocabulary of
 * data/samples/ and written with jx_store_put_doc, one transaction per
 * BATCH department-years, as `jixiao import` would.
 *
 * Determinism: all choices come from splitmix64 streams seeded by --seed
 * and the department's number, so the same arguments give the same
 * records, and department k is the same whatever N is (the 1/10 database
 * is a prefix of the full one). Only timestamps and the change log's user
 * differ between runs; JIXIAO_NOW and JIXIAO_USER fix those too.
 *
 * Years: projects continue (same code and name, budget mostly ±10 %), a few
 * go, come, are renamed (same code) or re-coded (same name) each year, and
 * some targets are tightened or loosened, so that comparing years has work
 * to do. --big-list and --compare-dept add one department each for paging
 * through a very long list and for comparing two known years.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/record.h"
#include "core/text.h"
#include "store/store.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define BATCH 200              /* department-years per transaction */
#define BIG_LIST_CODE "999999"
#define COMPARE_CODE "999998"

/* ---- errors ------------------------------------------------------------ */

static const char *prog = "jixiao-gen";

static void die(const char *fmt, ...) JX_PRINTF(1, 2);

static void
die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static char *
xstrdup(const char *s)
{
	char *copy = jx_strdup(s);

	if (s && !copy)
		die("out of memory");
	return copy;
}

static char *xprintf(const char *fmt, ...) JX_PRINTF(1, 2);

static char *
xprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		die("out of memory");
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		die("out of memory");
	return p;
}

/* ---- splitmix64 ------------------------------------------------------- */

struct rng {
	uint64_t s;
};

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* One independent stream per (seed, stream number). */
static struct rng
rng_stream(uint64_t seed, uint64_t stream)
{
	struct rng r = { seed };
	struct rng mixed = {
		rng_next(&r) ^ stream * UINT64_C(0xd1b54a32d192ed03)
	};

	rng_next(&mixed);
	return mixed;
}

static uint32_t
rng_below(struct rng *r, uint32_t n)
{
	return n ? (uint32_t)(rng_next(r) % n) : 0;
}

static int
rng_range(struct rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

static bool
rng_chance(struct rng *r, unsigned per_mille)
{
	return rng_below(r, 1000) < per_mille;
}

/* n × per_mille / 1000, the fraction rounded up with its probability. */
static size_t
rng_share(struct rng *r, size_t n, unsigned per_mille)
{
	uint64_t scaled = (uint64_t)n * per_mille;

	return (size_t)(scaled / 1000) +
	       rng_chance(r, (unsigned)(scaled % 1000));
}

#define PICK(r, arr) ((arr)[rng_below((r), NELEM(arr))])

/* ---- vocabulary: departments ------------------------------------------ */

struct city {
	const char *name;
	int province;   /* the first two digits of the region code */
};

static const struct city cities[] = {
	{ "秦皇岛", 13 }, { "承德", 13 }, { "保定", 13 }, { "唐山", 13 },
	{ "邯郸", 13 }, { "石家庄", 13 }, { "张家口", 13 }, { "沧州", 13 },
	{ "廊坊", 13 }, { "衡水", 13 }, { "邢台", 13 }, { "太原", 14 },
	{ "大同", 14 }, { "大连", 21 }, { "沈阳", 21 }, { "鞍山", 21 },
	{ "锦州", 21 }, { "营口", 21 }, { "济南", 37 }, { "青岛", 37 },
	{ "烟台", 37 }, { "潍坊", 37 }, { "临沂", 37 }, { "洛阳", 41 },
	{ "开封", 41 }, { "南阳", 41 }, { "徐州", 32 }, { "扬州", 32 },
	{ "镇江", 32 }, { "绍兴", 33 }, { "嘉兴", 33 }, { "湖州", 33 },
	{ "芜湖", 34 }, { "九江", 36 }, { "赣州", 36 }, { "株洲", 43 },
	{ "岳阳", 43 }, { "宜昌", 42 }, { "襄阳", 42 }, { "绵阳", 51 },
};

static const char *const districts[] = {
	"北戴河", "海港", "山海关", "双桥", "双滦", "高新", "新华", "桥西",
	"桥东", "长安", "裕华", "城关", "东城", "西城", "南湖", "北湖",
	"城南", "城北", "河东", "河西", "经济技术开发", "滨海", "沙河口",
	"甘井子", "中山", "西岗", "金州", "鼓楼", "天宁", "高新技术产业开发",
};

static const char *const streets[] = {
	"西山", "东山", "七贤岭", "海滨", "戴河", "联峰", "牛头崖", "南戴河",
	"建设", "解放", "人民", "和平", "胜利", "幸福", "光明", "新华",
	"文化", "朝阳", "向阳", "东风", "红旗", "前进", "团结", "友谊",
	"长江", "黄河", "太平", "永安", "长春", "长乐", "兴隆", "富强",
	"民主", "振兴", "丰收", "青年", "钟楼", "北关", "南关", "东关",
	"西关", "花园", "龙泉", "凤凰", "金山", "银河", "翠屏", "碧水",
	"白塔", "石桥", "柳林", "桃园", "杏林", "梨园", "松山", "柏林",
	"竹园", "荷花", "桂花", "滨河",
};

#define N_PLACES (NELEM(cities) * NELEM(districts) * NELEM(streets))

static const char *const communities[] = {
	"东苑", "西苑", "南苑", "北苑", "华苑", "新村", "康乐", "安居",
	"明珠", "阳光", "锦绣", "金地", "福园", "丽景", "翠湖", "春华",
};

/* ---- vocabulary: projects --------------------------------------------- */

static const char *const project_names[] = {
	"创建文明城市工作经费", "居家养老项目", "居民区卫生服务点补助",
	"楼长工作经费", "三线铁路民兵补贴", "社区党组织服务群众工作经费",
	"社区党组织工作经费", "社区居养人员购买服务", "社区修缮项目",
	"网格化管理工作经费", "物业奖补", "政法重点工作经费",
	"综合服务站系统日常维护", "社区工作者工资及附加", "社区办公经费",
	"垃圾分类督导服务项目", "社区工作业务经费", "办公场所运行经费",
	"食堂运行费用", "工作业务经费", "委托服务经费", "基层治理专项经费",
	"资产采购", "直选人员及社区工作者工资及保险", "春节慰问金",
	"民兵基层建设经费", "老居委会主任退休费", "社区戒毒（康复）工作经费",
	"行政综合服务中心经费", "自然资源和生态环境保护经费", "社区工作经费",
	"基层党建工作经费", "人事代理经费", "人大代表工作经费", "绿化养护经费",
	"劳务派遣人员经费", "社区换届工作经费", "服务群众专项经费",
	"自收自支事业人员经费", "军队无军籍退休退职职工退休补贴等",
	"综合行政执法队", "退役军人服务站经费",
	"老旧小区物业管理所需资金及临时工工资", "安全生产防控经费",
	"法律顾问服务费", "环境卫生整治经费", "防汛抗旱工作经费",
	"消防安全工作经费", "党群服务中心运行经费", "新时代文明实践站经费",
	"困难群众临时救助经费", "社区矫正工作经费",
};

/* Appended when a project is renamed (it keeps its code). */
static const char *const rename_suffixes[] = {
	"", "（续建）", "（提升工程）", "（二期）", "（扩面）",
};

/* ---- vocabulary: indicators ------------------------------------------- */

enum tkind {
	K_PCT,       /* ≥90%, ≥90 百分比, ≥90使用率 (unit: the noun), 100% */
	K_GE,        /* ≥N unit */
	K_GT,        /* >N unit */
	K_LE,        /* ≤N unit */
	K_EQ,        /* =N unit, or N unit */
	K_DEADLINE,  /* N月底前 */
	K_WORD       /* unit is the target as written: 提高, 良好, 工作质量 */
};

struct ind_tmpl {
	const char *name, *desc, *basis;
	enum tkind kind;
	const char *unit;
	int lo, hi;      /* the number's range (0, 0: 85..98 for K_PCT) */
};

static const struct ind_tmpl quantity[] = {
	{ "资金使用率", "实际支出的金额占应支出金额的比率", "工作记录",
	  K_PCT, "使用率", 0, 0 },
	{ "社区工作人员人数", "在岗社区工作人员人数", "人员花名册",
	  K_LE, "人", 20, 150 },
	{ "社区数量", "辖区社区个数", "区划资料", K_EQ, "个", 3, 20 },
	{ "保障社区正常运转天数", "全年保障社区正常运转的天数", "工作记录",
	  K_GE, "天", 300, 365 },
	{ "覆盖小区个数", "服务覆盖的小区个数", "工作记录",
	  K_GE, "个", 10, 80 },
	{ "居家养老项目种类", "居家养老项目种类", "提供的居家养老项目种类",
	  K_GE, "类", 3, 8 },
	{ "服务次数", "服务次数", "服务次数", K_GE, "次", 50, 600 },
	{ "事件数量", "事件数量", "每年上报事件的数量", K_GE, "次", 20, 120 },
	{ "供暖月份", "供暖月份", "供暖合同", K_GE, "个月", 4, 6 },
	{ "食堂运行保障就餐人数", "食堂保障就餐人数", "就餐登记",
	  K_GE, "人", 30, 200 },
	{ "目标对象人数", "目标对象人数", "花名册", K_GE, "人", 10, 500 },
	{ "购买资产数量", "购买资产数量", "采购计划", K_GE, "个", 20, 300 },
	{ "发展党员数量", "发展党员数量", "是否积极发展党员",
	  K_GE, "人", 2, 20 },
	{ "宣传完成率", "宣传次数占应完成宣传次数", "工作记录",
	  K_PCT, "完成率", 0, 0 },
	{ "补贴发放率", "按时发放社区工作经费资金", "发放表",
	  K_PCT, "发放率", 90, 100 },
	{ "资金到位率", "资金是否到位", "工作记录", K_PCT, "到位率", 90, 100 },
	{ "居民对楼长的知晓率", "居民对楼长的知晓率", "知晓率",
	  K_PCT, NULL, 0, 0 },
	{ "定期维护次数", "定期维护次数", "维护次数", K_GE, "次", 2, 12 },
	{ "卫生服务点开设数量", "卫生服务点开设数量", "卫生服务点设置方案",
	  K_EQ, "个", 4, 16 },
};

static const struct ind_tmpl quality[] = {
	{ "资金拨付率", "资金准确拨付", "工作记录", K_PCT, "拨付率", 0, 0 },
	{ "任务完成情况", "完成率", "工作记录", K_PCT, "完成率", 0, 0 },
	{ "工程质量合格率", "工程质量合格率", "工程质量是否达到合格标准",
	  K_PCT, NULL, 95, 100 },
	{ "社区网络和通讯可用率", "社区网络和通讯可用率", "运维记录",
	  K_PCT, NULL, 90, 98 },
	{ "垃圾分类工作常态化运转率", "垃圾分类工作常态化运转率", "工作记录",
	  K_PCT, NULL, 0, 0 },
	{ "问题整改及时率", "问题整改及时率", "整改台账", K_PCT, NULL, 0, 0 },
	{ "供应商资质合格率", "供应商资质合格率", "采购文件",
	  K_PCT, NULL, 100, 100 },
	{ "目标对象匹配准确率", "目标对象匹配准确率", "花名册",
	  K_PCT, NULL, 95, 100 },
	{ "设备质量合格率", "设备质量合格率", "验收记录", K_PCT, NULL, 0, 0 },
	{ "项目验收通过率", "项目验收通过率", "验收记录", K_PCT, NULL, 0, 0 },
	{ "专款专用率", "社区工作经费财政拨款专款专用情况", "发放表",
	  K_PCT, "专用率", 0, 0 },
	{ "工资及补助发放准确率", "工资及补助发放准确率", "工作记录",
	  K_PCT, "准确率", 0, 0 },
	{ "组织文体活动率", "多组织居民参加文体活动", "多组织居民参加文体活动",
	  K_PCT, NULL, 0, 0 },
	{ "服务质量", "居家养老服务质量", "居家养老服务质量",
	  K_WORD, "良好", 0, 0 },
	{ "工作质量", "工作质量", "工作完成的质量", K_WORD, "工作质量", 0, 0 },
	{ "物业服务质量", "物业服务质量的好坏", "物业服务质量的好坏",
	  K_WORD, "物业服务质量的好坏", 0, 0 },
	{ "食材新鲜、安全卫生", "食材新鲜、安全卫生", "抽查记录",
	  K_PCT, NULL, 0, 0 },
};

static const struct ind_tmpl timeliness[] = {
	{ "工资发放及时性", "及时发放工资情况", "工作记录",
	  K_PCT, "及时性", 0, 0 },
	{ "经费使用及时率（%）", "经费使用及时率（%）", "工作记录",
	  K_PCT, "及时率", 0, 0 },
	{ "完成时间", "实际完成业务工作的时间", "工作记录",
	  K_DEADLINE, NULL, 10, 12 },
	{ "按时完成率", "按时完成各项工作数量在总数中的比率", "工作记录",
	  K_PCT, "按时性", 0, 0 },
	{ "办公经费支付及时率", "办公经费支付及时率", "支付凭证",
	  K_PCT, NULL, 0, 0 },
	{ "社工聘用年限", "社工聘用年限", "聘用合同", K_GT, "年", 1, 1 },
	{ "经费保障时长", "经费保障时长", "预算批复", K_GE, "年", 1, 1 },
	{ "采暖费缴纳及时率", "采暖费缴纳及时率", "缴费凭证",
	  K_PCT, NULL, 95, 100 },
	{ "及时维修更换情况", "及时维修更换情况", "维修记录",
	  K_PCT, NULL, 0, 0 },
	{ "项目按期完成率", "项目按期完成率", "工作计划", K_PCT, NULL, 0, 0 },
	{ "居民的需求答复率", "居民的需求答复率", "答复率", K_PCT, NULL, 0, 0 },
	{ "项目执行效率", "项目执行效率", "项目执行的进度和效率",
	  K_PCT, NULL, 0, 0 },
	{ "资金拨付完成时间", "资金拨付完成时间", "工作计划",
	  K_DEADLINE, NULL, 6, 12 },
	{ "项目完成时间", "项目完成时间", "工作计划", K_DEADLINE, NULL, 9, 12 },
	{ "政法工作效率", "政法工作效率", "是否提高的政法工作效率",
	  K_WORD, "工作效率", 0, 0 },
};

static const struct ind_tmpl cost[] = {
	{ "社区平均年度办公经费支出", "社区平均年度办公经费支出", "预算批复",
	  K_LE, "万元", 3, 10 },
	{ "人均督导服务成本控制率", "人均督导服务成本控制率", "合同",
	  K_PCT, NULL, 0, 0 },
	{ "体检标准", "体检标准", "文件标准", K_LE, "元/人", 600, 1500 },
	{ "每月电话费网费", "每月电话费网费", "缴费凭证",
	  K_LE, "元", 1000, 3000 },
	{ "餐费标准", "餐费标准", "文件标准", K_LE, "元/人/天", 15, 30 },
	{ "每次应急救助快速拨付成本", "每次应急救助快速拨付成本", "文件标准",
	  K_LE, "元", 2000, 8000 },
	{ "每件案件代理服务费(不涉及财产)", "每件案件代理服务费", "合同",
	  K_LE, "元", 2000, 5000 },
	{ "设备单价范围", "设备单价范围", "采购计划", K_LE, "万元", 1, 6 },
	{ "按预算资金完成率", "按预算资金完成率", "工作记录",
	  K_PCT, "完成率", 0, 0 },
	{ "完成工作需要的资金", "完成工作需要的资金", "工作记录",
	  K_PCT, "控制率", 0, 0 },
	{ "控制在预算资金内", "控制在预算资金内", "工作记录",
	  K_PCT, "控制率", 0, 0 },
	{ "项目控制预算数", "实际支出数占预算数的比例", "工作记录",
	  K_PCT, "控制率", 0, 0 },
	{ "工资发放合规率", "工资发放合规率", "工资表", K_PCT, NULL, 100, 100 },
	{ "在预算范围内安排资金", "在预算范围内安排资金", "预算批复",
	  K_WORD, "预算范围内资金", 0, 0 },
	{ "使用金额", "使用金额", "使用金额", K_LE, "万元", 20, 200 },
};

static const struct ind_tmpl economic[] = {
	{ "资金支出率", "已支付资金与应支付资金的比率", "工作记录",
	  K_PCT, "支出率", 0, 0 },
	{ "提高业务服务能力", "为我局提供各类有效数据", "工作记录",
	  K_PCT, "提高能力性", 0, 0 },
	{ "资金使用规范率", "资金使用过程是否符合规范", "财务规范制度",
	  K_PCT, NULL, 100, 100 },
	{ "经济影响力", "有利于经济发展", "工作记录", K_PCT, "影响力", 0, 0 },
	{ "发挥有限资金的最大效益", "发挥有限资金的最大效益", "工作记录",
	  K_PCT, "发挥效益", 0, 0 },
	{ "预算控制", "各项支出符合支出标准控制，总支出不超预算", "工作记录",
	  K_PCT, "控制率", 0, 0 },
	{ "食堂投入使用后杜绝浪费宣传、节约经费情况",
	  "杜绝浪费、节约经费情况", "工作记录",
	  K_PCT, NULL, 80, 90 },
	{ "节约行政运行成本", "节约行政运行成本", "财务账务",
	  K_WORD, "降低", 0, 0 },
	{ "公共服务水平提升情况", "保障相关业务、工作等开展情况", "工作记录",
	  K_WORD, "提高", 0, 0 },
};

static const struct ind_tmpl social[] = {
	{ "社会影响力", "对社会产生的影响", "工作记录",
	  K_PCT, "社会影响", 0, 0 },
	{ "居民对创城的知晓率", "居民对创城的知晓率", "创城问卷",
	  K_PCT, NULL, 0, 0 },
	{ "社会认可度", "社会认可度", "认可度", K_PCT, NULL, 0, 0 },
	{ "提高基层社会治理水平", "提高基层社会治理水平", "工作记录",
	  K_WORD, "提高", 0, 0 },
	{ "举办居民可参与的社区活动场次",
	  "举办居民可参与的社区活动场次", "活动记录",
	  K_GE, "次", 50, 200 },
	{ "提升辖区内居民垃圾分类意识",
	  "提升辖区内居民垃圾分类意识", "调查问卷",
	  K_PCT, NULL, 0, 0 },
	{ "街道办公水电厉行节约情况", "街道办公水电厉行节约情况", "缴费凭证",
	  K_WORD, "良好", 0, 0 },
	{ "缓解困难群体生活压力", "缓解困难群体生活压力", "工作记录",
	  K_WORD, "良好", 0, 0 },
	{ "保障辖区居民生活质量", "保障辖区居民生活质量", "工作记录",
	  K_WORD, "提高", 0, 0 },
	{ "资金发放率", "发放人数占应发放人数的比率", "工作记录",
	  K_PCT, "发放率", 0, 0 },
	{ "维护社会安定", "维护社会安定", "社区治安",
	  K_WORD, "治安情况", 0, 0 },
	{ "居民对物业公司的认可程度", "居民对物业公司的认可程度", "认可度",
	  K_PCT, NULL, 0, 0 },
	{ "受益人数", "受益人数", "受益人数", K_GE, "人", 500, 20000 },
};

static const struct ind_tmpl ecological[] = {
	{ "间接生态效益", "对生态环境的提升作用", "工作记录",
	  K_PCT, "生态效益", 0, 0 },
	{ "社会稳定水平", "促进稳定水平逐步提高", "工作记录",
	  K_PCT, "社会影响", 0, 0 },
	{ "社区办公文件与信息无纸化程度",
	  "社区办公文件与信息无纸化程度", "工作记录",
	  K_PCT, NULL, 50, 80 },
	{ "辖区内的生态环境",
	  "辖区内生态环境是否得到改善", "辖区内生态环境是否得到改善",
	  K_WORD, "改善", 0, 0 },
	{ "促进生态环境质量提升", "为环境质量提升提供技术支持", "工作记录",
	  K_PCT, "环境保护率", 0, 0 },
	{ "责任区内消防器材完备率", "责任区内消防器材完备率", "完备率",
	  K_PCT, NULL, 0, 0 },
	{ "对生态环境的影响", "有利于生态环境", "工作记录",
	  K_PCT, "影响率", 0, 0 },
	{ "辖区绿化覆盖率", "辖区绿化覆盖率", "园林部门数据",
	  K_PCT, NULL, 30, 50 },
	{ "垃圾清运及时率", "垃圾清运及时率", "清运记录", K_PCT, NULL, 0, 0 },
};

static const struct ind_tmpl lasting[] = {
	{ "长期使用性", "能够长期较好地满足工作需要", "工作记录",
	  K_PCT, "长期性", 0, 0 },
	{ "长期适用性", "能够较好地满足长期工作需要", "工作记录",
	  K_PCT, "长期性", 0, 0 },
	{ "响应国家垃圾分类政策，做好辖区垃圾分类工作",
	  "做好辖区垃圾分类工作", "工作记录",
	  K_WORD, "优秀", 0, 0 },
	{ "保障街道机构正常运转情况", "保障街道机构正常运转情况", "工作记录",
	  K_PCT, NULL, 80, 95 },
	{ "提高目标群众对政策满意度", "提高目标群众对政策满意度", "调查问卷",
	  K_PCT, NULL, 0, 0 },
	{ "辖区环境整洁度", "辖区环境整洁度", "检查记录", K_PCT, NULL, 0, 0 },
	{ "设备使用年限", "设备使用年限", "资产台账", K_GE, "年", 1, 8 },
	{ "居民幸福指数",
	  "提高了居民的幸福生活指数", "提高了居民的幸福生活指数",
	  K_WORD, "提高", 0, 0 },
	{ "提升工作效率", "是否在一定程度上提升了工作效率", "工作记录",
	  K_WORD, "工作效率有所提高", 0, 0 },
	{ "社区居民的参与率", "社区居民参加社区活动的参与程度", "活动记录",
	  K_PCT, NULL, 60, 90 },
	{ "保障社区工作人员基本权益，提升社区工作人员服务群众积极性",
	  "保障社区工作人员基本权益", "工作记录",
	  K_PCT, NULL, 100, 100 },
};

static const struct ind_tmpl satisfaction[] = {
	{ "服务对象满意度", "服务对象满意度", "调查问卷",
	  K_PCT, "满意度", 0, 0 },
	{ "群众满意度", "群众满意度", "群众满意度", K_PCT, NULL, 0, 0 },
	{ "居民满意度", "居民满意度", "居民对服务的满意程度",
	  K_PCT, NULL, 0, 0 },
	{ "群众对社区工作满意度", "群众对社区工作满意度", "调查问卷",
	  K_PCT, NULL, 0, 0 },
	{ "社区工作人员对办公条件满意度",
	  "社区工作人员对办公条件满意度", "调查问卷",
	  K_PCT, NULL, 0, 0 },
	{ "聘用单位对督导员工作满意度",
	  "聘用单位对督导员工作满意度", "调查问卷",
	  K_PCT, NULL, 0, 0 },
	{ "街道工作人员对设施使用满意率",
	  "街道工作人员对设施使用满意率", "调查问卷",
	  K_PCT, NULL, 0, 0 },
	{ "工作人员对食堂伙食保障情况满意度",
	  "工作人员对食堂伙食保障情况满意度", "调查问卷",
	  K_PCT, NULL, 80, 95 },
	{ "群众对街道工作满意率", "群众对街道工作满意率", "调查问卷",
	  K_PCT, NULL, 0, 0 },
	{ "受益群体满意度", "受益群体满意度", "调查问卷",
	  K_PCT, "满意度", 0, 0 },
	{ "服务对象问卷测评满意率", "群众满意度", "调查问卷",
	  K_PCT, "满意度", 0, 0 },
	{ "工作人员对设备满意度", "工作人员对设备满意度", "调查问卷",
	  K_WORD, "良好", 0, 0 },
};

/* The 2012 framework's nine level-2 indicators, in table order. */
enum { L_QUANTITY, L_QUALITY, L_TIME, L_COST, L_ECONOMIC, L_SOCIAL,
       L_ECOLOGICAL, L_LASTING, L_SATISFACTION, N_LEVELS };

struct level {
	const char *level1, *level2;
	const struct ind_tmpl *pool;
	size_t n;
};

#define LEVEL(l1, l2, pool) { l1, l2, pool, NELEM(pool) }
static const struct level levels[N_LEVELS] = {
	LEVEL("产出指标", "数量指标", quantity),
	LEVEL("产出指标", "质量指标", quality),
	LEVEL("产出指标", "时效指标", timeliness),
	LEVEL("产出指标", "成本指标", cost),
	LEVEL("效益指标", "经济效益指标", economic),
	LEVEL("效益指标", "社会效益指标", social),
	LEVEL("效益指标", "生态效益指标", ecological),
	LEVEL("效益指标", "可持续影响指标", lasting),
	LEVEL("满意度指标", "服务对象满意度指标", satisfaction),
};

/* Which level-2 indicators a project of I indicators has: the first I of
 * this order (fewer than nine drop the rarer ones), then extra ones in
 * the second order. */
static const uint8_t level_priority[N_LEVELS] = {
	L_QUANTITY, L_SATISFACTION, L_SOCIAL, L_QUALITY, L_TIME, L_COST,
	L_LASTING, L_ECONOMIC, L_ECOLOGICAL,
};
static const uint8_t level_extra[] = {
	L_QUANTITY, L_QUALITY, L_TIME, L_SOCIAL, L_SATISFACTION, L_COST,
	L_LASTING,
};

static const int pct_steps[] = { 60, 70, 80, 85, 90, 92, 93, 95, 98, 100 };

/* ---- vocabulary: department-year texts -------------------------------- */

static const char *const goal_lines[] = {
	"加强城市社区建设，做好指导、协调、组织、管理社区建设工作。",
	"全面贯彻执行党的路线、方针、政策，加强对街居工作的领导。",
	"抓好党的思想、组织和作风建设，加强对党员、群众的教育和管理，"
	"抓好党风和廉政建设。",
	"抓好精神文明建设和民主法制建设，加强社会治安综合治理，"
	"保持辖区社会稳定。",
	"做好武装、妇联、共青团、工会等项工作。",
	"做好民政及残疾人工作，做好优抚救济、拥军优属，"
	"确保城市居民的基本生活。",
	"加强城市市容及环境卫生管理。",
	"指导社区居委会工作，反映居民的意见和要求。",
	"完成上级党委、政府交办的有关事项。",
	"推进垃圾分类和老旧小区改造，提升居民生活质量。",
};

struct subgoal_text {
	const char *title, *goal, *indicator;
};

static const struct subgoal_text subgoal_texts[] = {
	{ "坚持党建工作主线，创新党员管理模式",
	  "继续开展党员走访慰问、党员服务台、先锋示范岗等特色活动。",
	  "党支部、党员的达优比率在75%以上。" },
	{ "提升辖区内的文明程度，形成和谐向善的社会风气",
	  "组织指导群众精神文明创建活动，开展“社区之星”评选活动。",
	  "居民的满意度达到75%。" },
	{ "深化机关效能建设，增强廉洁自律意识",
	  "加强党风廉政教育，抓好街、居干部廉洁自律工作。",
	  NULL },
	{ "健全网络防控体制，推进综治维稳工作",
	  "健全网络体制，做好社会面防控，矛盾纠纷化解在基层。",
	  "提高居民的整体满意度。" },
	{ "围绕居民群众需求，提升公共服务水平",
	  "促进失业人员再就业，执行城乡社会救助制度政策，实施分类救助。",
	  "提高居民生活的幸福指数。" },
	{ "加大辖区安全生产工作力度，确保居民生命、财产安全",
	  "加强日常巡查力度，消除事故隐患，确保辖区安全生产形势稳定。",
	  "确保安全排查全覆盖，力争全年实现零事故目标。" },
};

static const char *const measure_lines[] = {
	"加强组织领导。单位一把手负总责，主管领导具体抓，"
	"主管科室和个人负责具体目标的实施。",
	"完善制度建设。细化工作方案，制定资金管理办法，"
	"明确责任主体、实施进度要求。",
	"加强执行管理。严格落实资金分配和支付计划，"
	"确保手续规范、支出合规、进度合理。",
	"加强运行监控。围绕全年目标进行动态监测，确保各项工作顺利完成。",
	"健全评价机制。建立目标考核评估机制，展开目标中期评估和终期考核。",
	"目标指标层层分解。细化到各科室和个人。",
};

/* ---- the generator's state -------------------------------------------- */

/* How a department writes its tables, after the three samples. */
enum layout {
	LAYOUT_XISHAN,    /* numbered titles, 25.00% plan, ≥90使用率,
			     description and basis */
	LAYOUT_QIXIAN,    /* 主管部门, 实施单位, 实施期, no plan, ≥90%,
			     no description or basis */
	LAYOUT_CHENGDE    /* goals and sub-goals, mixed plans, ≥95 百分比 */
};

enum { IND_DESC = 1, IND_BASIS = 2, IND_BARE_EQ = 4, IND_PLACEHOLDER = 8 };

struct gind {
	uint8_t level;     /* index into levels[] */
	uint8_t dup;       /* > 0: the pool ran out; the name gets a number */
	uint8_t flags;     /* IND_* */
	uint16_t tmpl;     /* index into the level's pool */
	int32_t num;       /* the target's number (a month for deadlines) */
};

struct gproj {
	char code[32];     /* "" when the department prints none */
	uint16_t base;     /* index into project_names */
	uint32_t qual;     /* 0, or which community qualifies the name */
	uint8_t renamed;   /* index into rename_suffixes */
	uint8_t plan;      /* spending-plan style */
	uint8_t text;      /* purpose and goal wording */
	int64_t cents;     /* annual total in 0.01 万元 (100 元) */
	uint16_t other_pm; /* share of other funds, per mille */
	struct gind *inds;
};

struct churn {
	unsigned budget_pm;   /* projects whose budget changes */
	unsigned gone_pm;     /* projects that end (as many new ones come) */
	unsigned rename_pm, recode_pm;
	unsigned tighten_pm, loosen_pm, swap_pm;   /* per indicator */
	bool at_least_one;    /* at least one gone, renamed, re-coded */
};

static const struct churn normal_churn = { 700, 50, 10, 10, 30, 20, 20, false };
static const struct churn compare_churn = { 100, 30, 20, 10, 50, 30, 20, true };

struct gdept {
	struct rng rng;
	char code[8];
	char region[8];
	char *name;
	char *competent;
	enum layout layout;
	bool effect_alias;  /* writes 效果指标 for 效益指标 */
	bool no_codes;      /* prints no project codes */
	bool chengde_codes; /* P0001… serials instead of random ones */
	uint8_t pct_style;  /* 0: ≥90%, 1: ≥90使用率, 2: ≥90 百分比 */
	uint8_t names[NELEM(project_names)];   /* shuffled project names */
	uint32_t next_slot; /* the next project-name slot */
	size_t n_ind;
	const uint8_t *slots;   /* level of each indicator slot */
	struct gproj *projs;
	size_t n, cap;
};

/* ---- options ---------------------------------------------------------- */

struct options {
	long departments, years, projects, indicators, first_year;
	uint64_t seed;
	long big_list, compare_projects;
	const char *path;
};

static void
usage(FILE *to)
{
	fprintf(to,
		"Usage: %s [OPTIONS] DBFILE\n"
		"Writes a new synthetic jixiao database, deterministically.\n\n"
		"  --departments N   departments (default 2000)\n"
		"  --years Y         consecutive years per department"
		" (default 5)\n"
		"  --projects P      projects per department-year"
		" (default 12)\n"
		"  --indicators I    indicators per project (default 9)\n"
		"  --first-year Y0   the first year (default 2021)\n"
		"  --seed S          the generator's seed (default 1)\n"
		"  --big-list N      also department 999999 with one year"
		" of N\n"
		"                    projects of one indicator each\n"
		"  --compare-dept P  also department 999998 with two years"
		" of P\n"
		"                    projects, changed in known ways\n"
		"  -h, --help        show this help\n", prog);
}

static long
number_arg(const char *opt, const char *text, long lo, long hi)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < lo || v > hi) {
		fprintf(stderr, "%s: %s: '%s' is not a number from %ld to"
			" %ld\n", prog, opt, text, lo, hi);
		exit(2);
	}
	return v;
}

static void
parse_option(struct options *o, int c, const char *arg)
{
	switch (c) {
	case 'd':
		o->departments = number_arg("--departments", arg, 0, 800000);
		break;
	case 'y':
		o->years = number_arg("--years", arg, 1, 100);
		break;
	case 'p':
		o->projects = number_arg("--projects", arg, 0, 10000);
		break;
	case 'i':
		o->indicators = number_arg("--indicators", arg, 1, 200);
		break;
	case 'f':
		o->first_year = number_arg("--first-year", arg, 1900, 2999);
		break;
	case 's':
		o->seed = (uint64_t)number_arg("--seed", arg, 0, INT32_MAX);
		break;
	case 'b':
		o->big_list = number_arg("--big-list", arg, 0, 10000000);
		break;
	case 'c':
		o->compare_projects = number_arg("--compare-dept", arg, 0,
						 100000);
		break;
	case 'h':
		usage(stdout);
		exit(0);
	default:
		usage(stderr);
		exit(2);
	}
}

static void
parse_options(struct options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "departments", required_argument, NULL, 'd' },
		{ "years", required_argument, NULL, 'y' },
		{ "projects", required_argument, NULL, 'p' },
		{ "indicators", required_argument, NULL, 'i' },
		{ "first-year", required_argument, NULL, 'f' },
		{ "seed", required_argument, NULL, 's' },
		{ "big-list", required_argument, NULL, 'b' },
		{ "compare-dept", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	*o = (struct options){ 2000, 5, 12, 9, 2021, 1, 0, 0, NULL };
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1)
		parse_option(o, c, optarg);
	if (optind != argc - 1) {
		usage(stderr);
		exit(2);
	}
	o->path = argv[optind];
	if (o->first_year + o->years - 1 > 2999) {
		fprintf(stderr, "%s: the last year would be after 2999\n",
			prog);
		exit(2);
	}
}

/* ---- building the state ----------------------------------------------- */

/* The level of each of n indicator slots, grouped in framework order. */
static uint8_t *
make_slots(size_t n)
{
	size_t count[N_LEVELS] = { 0 };
	uint8_t *slots = xcalloc(n, 1);
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		size_t extra = (i - N_LEVELS) % NELEM(level_extra);

		count[i < N_LEVELS ? level_priority[i] : level_extra[extra]]++;
	}
	for (uint8_t l = 0; l < N_LEVELS; l++)
		for (size_t j = 0; j < count[l]; j++)
			slots[k++] = l;
	return slots;
}

/* A number for a target of template t. */
static int32_t
pick_number(struct rng *r, const struct ind_tmpl *t)
{
	int lo = t->lo, hi = t->hi;
	int ok[NELEM(pct_steps)];
	size_t n = 0;

	if (t->kind != K_PCT)
		return rng_range(r, lo, hi);
	if (!lo && !hi)
		lo = 85, hi = 98;
	for (size_t i = 0; i < NELEM(pct_steps); i++)
		if (pct_steps[i] >= lo && pct_steps[i] <= hi)
			ok[n++] = pct_steps[i];
	return n ? ok[rng_below(r, (uint32_t)n)] : rng_range(r, lo, hi);
}

static uint8_t
ind_flags(struct gdept *d)
{
	struct rng *r = &d->rng;
	uint8_t f = rng_chance(r, 500) ? IND_BARE_EQ : 0;

	if (d->layout == LAYOUT_XISHAN)
		return f | IND_DESC | IND_BASIS;
	if (d->layout == LAYOUT_QIXIAN)
		return f;
	if (rng_chance(r, 20))
		return IND_PLACEHOLDER;
	return f | (rng_chance(r, 700) ? IND_DESC : 0) |
	       (rng_chance(r, 700) ? IND_BASIS : 0);
}

/* Fills a project's indicators: each level's pool read from a random
 * start, so that indicators of one level differ. */
static void
make_indicators(struct gdept *d, struct gproj *p)
{
	uint32_t start[N_LEVELS], used[N_LEVELS] = { 0 };

	for (size_t l = 0; l < N_LEVELS; l++)
		start[l] = rng_below(&d->rng, (uint32_t)levels[l].n);
	p->inds = xcalloc(d->n_ind, sizeof *p->inds);
	for (size_t i = 0; i < d->n_ind; i++) {
		struct gind *g = &p->inds[i];
		const struct level *lv = &levels[d->slots[i]];
		uint32_t rank = used[d->slots[i]]++;

		g->level = d->slots[i];
		g->tmpl = (uint16_t)((start[g->level] + rank) % lv->n);
		g->dup = (uint8_t)(rank / lv->n);
		g->flags = ind_flags(d);
		g->num = pick_number(&d->rng, &lv->pool[g->tmpl]);
	}
}

static void
random_serial(struct rng *r, char *out, size_t len)
{
	static const char alnum[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	for (size_t i = 0; i < len; i++)
		out[i] = alnum[rng_below(r, sizeof alnum - 1)];
	out[len] = '\0';
}

/* region (6) + year (2) + serial (13): 21 characters, as in the samples. */
static void
make_code(struct gdept *d, int year, char out[32])
{
	char serial[16];

	if (d->no_codes) {
		out[0] = '\0';
		return;
	}
	if (d->chengde_codes)
		snprintf(serial, sizeof serial, "P0001%02" PRIu32 "%06" PRIu32,
			 rng_below(&d->rng, 100), rng_below(&d->rng, 1000000));
	else
		random_serial(&d->rng, serial, 13);
	snprintf(out, 32, "%s%02d%s", d->region, year % 100, serial);
}

/* An annual budget in 0.01 万元: 0.10 to 9 999.99 万, mostly 1 to 999 万,
 * often whole 万. */
static int64_t
make_budget(struct rng *r)
{
	static const unsigned decade_pm[] = { 100, 300, 350, 200, 50 };
	unsigned roll = rng_below(r, 1000), k = 0;
	int64_t cents;

	while (k + 1 < NELEM(decade_pm) && roll >= decade_pm[k])
		roll -= decade_pm[k++];
	cents = (int64_t)rng_range(r, 10, 99);
	for (unsigned i = 0; i < k; i++)
		cents = cents * 10 + rng_range(r, 0, 9);
	if (rng_chance(r, 400) && cents >= 100)
		cents -= cents % 100;
	return cents;
}

static struct gproj *
add_project(struct gdept *d, size_t at)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 16;
		struct gproj *grown = realloc(d->projs, cap * sizeof *grown);

		if (!grown)
			die("out of memory");
		d->projs = grown;
		d->cap = cap;
	}
	memmove(&d->projs[at + 1], &d->projs[at],
		(d->n - at) * sizeof *d->projs);
	d->n++;
	memset(&d->projs[at], 0, sizeof *d->projs);
	return &d->projs[at];
}

/* A project that starts in `year` (the department's first ones may have
 * started a few years before). */
static void
new_project(struct gdept *d, size_t at, int year)
{
	struct rng *r = &d->rng;
	uint32_t slot = d->next_slot++;
	struct gproj *p = add_project(d, at);

	p->base = d->names[slot % NELEM(project_names)];
	p->qual = slot / (uint32_t)NELEM(project_names);
	p->plan = d->layout == LAYOUT_XISHAN ? 1
		: d->layout == LAYOUT_QIXIAN ? 0 : (uint8_t)rng_range(r, 1, 5);
	p->text = (uint8_t)rng_below(r, 4);
	p->cents = make_budget(r);
	p->other_pm = rng_chance(r, 150) ? (uint16_t)rng_range(r, 100, 500) : 0;
	make_code(d, year, p->code);
	make_indicators(d, p);
}

static void
shuffle_names(struct gdept *d)
{
	for (size_t i = 0; i < NELEM(project_names); i++)
		d->names[i] = (uint8_t)i;
	for (size_t i = NELEM(project_names) - 1; i > 0; i--) {
		size_t j = rng_below(&d->rng, (uint32_t)i + 1);
		uint8_t t = d->names[i];

		d->names[i] = d->names[j];
		d->names[j] = t;
	}
}

static void
set_layout(struct gdept *d)
{
	struct rng *r = &d->rng;
	unsigned roll = rng_below(r, 100);

	d->layout = roll < 40 ? LAYOUT_XISHAN
		  : roll < 70 ? LAYOUT_QIXIAN : LAYOUT_CHENGDE;
	d->pct_style = d->layout == LAYOUT_XISHAN ? 1
		     : d->layout == LAYOUT_QIXIAN ? 0 : 2;
	d->effect_alias = rng_chance(r, 50);
	d->no_codes = d->layout == LAYOUT_QIXIAN && rng_chance(r, 300);
	d->chengde_codes = d->layout == LAYOUT_CHENGDE;
}

/* Name, code and region of department number i: distinct for distinct i
 * (below N_PLACES names and 899 990 codes). */
static void
place_department(struct gdept *d, uint64_t i, uint64_t seed)
{
	static const char *const kinds[] = {
		"街道办事处", "街道办事处", "街道办事处", "街道办事处",
		"街道办事处", "街道办事处", "街道办事处（本级）",
		"镇人民政府", "社区管理办公室", "社区管理办公室本级",
	};
	uint64_t u = (i * 48271 + seed * 7) % N_PLACES;
	size_t st = u % NELEM(streets);
	size_t di = u / NELEM(streets) % NELEM(districts);
	size_t ci = u / NELEM(streets) / NELEM(districts);
	const char *kind = PICK(&d->rng, kinds);

	snprintf(d->code, sizeof d->code, "%06" PRIu64,
		 (i * 7919 + seed * 13) % 899990 + 100000);
	snprintf(d->region, sizeof d->region, "%02d%02zu%02zu",
		 cities[ci].province, ci + 1, di + 1);
	d->name = i < N_PLACES
		? xprintf("%s市%s区%s%s", cities[ci].name, districts[di],
			  streets[st], kind)
		: xprintf("%s市%s区%s%s（%" PRIu64 "）", cities[ci].name,
			  districts[di], streets[st], kind, i / N_PLACES + 1);
	if (rng_chance(&d->rng, 300))
		d->competent = xprintf("%s市%s区人民政府", cities[ci].name,
				       districts[di]);
}

/* What every year of a department has: how many projects, which
 * indicators. */
struct shape {
	size_t n_proj;
	const uint8_t *slots;
	size_t n_ind;
	int first_year;
};

/* Department number `stream`, without projects yet. */
static void
dept_setup(struct gdept *d, uint64_t seed, uint64_t stream,
	   const struct shape *s)
{
	memset(d, 0, sizeof *d);
	d->rng = rng_stream(seed, stream);
	d->slots = s->slots;
	d->n_ind = s->n_ind;
	set_layout(d);
	place_department(d, stream, seed);
	shuffle_names(d);
}

/* The projects of its first year (some started a few years before). */
static void
dept_fill(struct gdept *d, const struct shape *s)
{
	for (size_t i = 0; i < s->n_proj; i++)
		new_project(d, d->n, s->first_year - rng_range(&d->rng, 0, 3));
}

static void
dept_free(struct gdept *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->projs[i].inds);
	free(d->projs);
	free(d->name);
	free(d->competent);
	memset(d, 0, sizeof *d);
}

/* ---- from one year to the next ---------------------------------------- */

static int
pct_step(int num, int dir)
{
	size_t n = NELEM(pct_steps), i = 0;

	while (i < n && pct_steps[i] < num)
		i++;
	if (dir > 0)
		return i + 1 < n && pct_steps[i] == num ? pct_steps[i + 1]
			: i < n ? pct_steps[i] : num;
	return i > 0 ? pct_steps[i - 1] : num;
}

/* n - step when that stays above 0, else n */
static int32_t
less(int32_t n, int32_t step)
{
	return n > step ? n - step : n;
}

/* Moves a number target: dir > 0 asks more (tightens), dir < 0 less. */
static void
move_target(struct rng *r, struct gind *g, int dir)
{
	const struct ind_tmpl *t = &levels[g->level].pool[g->tmpl];
	int step = g->num / 10 > 1 ? rng_range(r, 1, g->num / 10) : 1;

	switch (t->kind) {
	case K_PCT:
		g->num = pct_step(g->num, dir);
		break;
	case K_GE: case K_GT: case K_EQ:
		g->num = dir > 0 ? g->num + step : less(g->num, step);
		break;
	case K_LE:
		g->num = dir > 0 ? less(g->num, step) : g->num + step;
		break;
	case K_DEADLINE:
		g->num = dir > 0 ? (g->num > 3 ? g->num - 1 : g->num)
				 : (g->num < 12 ? g->num + 1 : g->num);
		break;
	case K_WORD:
		break;
	}
}

/* Replaces an indicator by another of its level, unless that one is
 * already in the project. */
static void
swap_indicator(struct gdept *d, struct gproj *p, struct gind *g)
{
	const struct level *lv = &levels[g->level];
	uint16_t t;

	if (lv->n < 2)
		return;
	t = (uint16_t)((g->tmpl + 1 + rng_below(&d->rng, (uint32_t)lv->n - 1))
		       % lv->n);
	for (size_t i = 0; i < d->n_ind; i++)
		if (p->inds[i].level == g->level && p->inds[i].tmpl == t &&
		    p->inds[i].dup == g->dup)
			return;
	g->tmpl = t;
	g->num = pick_number(&d->rng, &lv->pool[t]);
}

static void
evolve_indicators(struct gdept *d, struct gproj *p, const struct churn *c)
{
	for (size_t i = 0; i < d->n_ind; i++) {
		struct gind *g = &p->inds[i];
		unsigned roll = rng_below(&d->rng, 1000);

		if (roll < c->tighten_pm)
			move_target(&d->rng, g, +1);
		else if (roll < c->tighten_pm + c->loosen_pm)
			move_target(&d->rng, g, -1);
		else if (roll < c->tighten_pm + c->loosen_pm + c->swap_pm)
			swap_indicator(d, p, g);
	}
}

/* Budget ±1..10 %, in whole 0.01 万元. */
static void
evolve_budget(struct rng *r, struct gproj *p)
{
	int bp = rng_range(r, 100, 1000) * (rng_chance(r, 550) ? 1 : -1);
	int64_t delta = p->cents * bp / 10000;

	p->cents += delta ? delta : (bp > 0 ? 1 : 0);
}

static size_t
churn_count(struct rng *r, size_t n, unsigned pm, bool at_least_one)
{
	size_t k = rng_share(r, n, pm);

	return k == 0 && at_least_one && n >= 2 ? 1 : k;
}

/* Which projects go, are renamed or re-coded: distinct ones, in random
 * order (a partial shuffle of the project positions). */
static size_t *
pick_projects(struct rng *r, size_t n, size_t k)
{
	size_t *order = xcalloc(n, sizeof *order);

	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (size_t i = 0; i < k && i < n; i++) {
		size_t j = i + rng_below(r, (uint32_t)(n - i));
		size_t t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	return order;
}

static void
remove_projects(struct gdept *d, size_t *gone, size_t k)
{
	bool *drop = xcalloc(d->n, sizeof *drop);
	size_t kept = 0;

	for (size_t i = 0; i < k; i++)
		drop[gone[i]] = true;
	for (size_t i = 0; i < d->n; i++) {
		if (drop[i])
			free(d->projs[i].inds);
		else
			d->projs[kept++] = d->projs[i];
	}
	d->n = kept;
	free(drop);
}

/* Renames and re-codes (at positions other than the gone ones). */
static void
rename_and_recode(struct gdept *d, const size_t *order, size_t from,
		  size_t n_rename, size_t n_recode, int year)
{
	for (size_t i = from; i < from + n_rename; i++) {
		struct gproj *p = &d->projs[order[i]];

		p->renamed = (uint8_t)(p->renamed %
				       (NELEM(rename_suffixes) - 1) + 1);
	}
	for (size_t i = from + n_rename; i < from + n_rename + n_recode; i++)
		if (!d->no_codes)
			make_code(d, year, d->projs[order[i]].code);
}

/* The department's projects of `year`, from those of the year before. */
static void
dept_evolve(struct gdept *d, const struct churn *c, int year)
{
	struct rng *r = &d->rng;
	size_t n = d->n;
	size_t n_gone = churn_count(r, n, c->gone_pm, c->at_least_one);
	size_t n_ren = churn_count(r, n, c->rename_pm, c->at_least_one);
	size_t n_rec = churn_count(r, n, c->recode_pm, c->at_least_one);
	size_t *order;

	if (n_gone + n_ren + n_rec > n)
		n_gone = n_ren = n_rec = 0;
	order = pick_projects(r, n, n_gone + n_ren + n_rec);
	rename_and_recode(d, order, n_gone, n_ren, n_rec, year);
	for (size_t i = 0; i < n; i++) {
		if (rng_chance(r, c->budget_pm))
			evolve_budget(r, &d->projs[i]);
		evolve_indicators(d, &d->projs[i], c);
	}
	remove_projects(d, order, n_gone);
	free(order);
	for (size_t i = 0; i < n_gone; i++)
		new_project(d, rng_below(r, (uint32_t)d->n + 1), year);
}

/* ---- the state as a document ------------------------------------------ */

static char *
project_name(const struct gproj *p)
{
	const char *base = project_names[p->base];
	const char *suffix = rename_suffixes[p->renamed];
	const char *comm;
	uint32_t area;

	if (p->qual == 0)
		return xprintf("%s%s", base, suffix);
	comm = communities[(p->qual - 1) % NELEM(communities)];
	area = (p->qual - 1) / (uint32_t)NELEM(communities);
	if (area == 0)
		return xprintf("%s（%s社区）%s", base, comm, suffix);
	return xprintf("%s（%s社区第%" PRIu32 "片区）%s", base, comm, area + 1,
		       suffix);
}

static char *
format_target(const struct gdept *d, const struct gind *g)
{
	const struct ind_tmpl *t = &levels[g->level].pool[g->tmpl];
	const char *u = t->unit ? t->unit : "";
	int n = g->num;

	switch (t->kind) {
	case K_PCT:
		if (n == 100)
			return xstrdup(d->pct_style == 2 ? "100 百分比"
							 : "100%");
		if (d->pct_style == 1 && t->unit)
			return xprintf("≥%d%s", n, t->unit);
		return d->pct_style == 2 ? xprintf("≥%d 百分比", n)
					 : xprintf("≥%d%%", n);
	case K_GE: return xprintf("≥%d%s", n, u);
	case K_GT: return xprintf(">%d%s", n, u);
	case K_LE: return xprintf("≤%d%s", n, u);
	case K_EQ:
		return g->flags & IND_BARE_EQ ? xprintf("%d%s", n, u)
					      : xprintf("=%d%s", n, u);
	case K_DEADLINE: return xprintf("%d月底前", n);
	case K_WORD: return xstrdup(u);
	}
	return xstrdup("");
}

static void
fill_indicator(const struct gdept *d, const struct gind *g,
	       struct jx_indicator *ind)
{
	const struct level *lv = &levels[g->level];
	const struct ind_tmpl *t = &lv->pool[g->tmpl];
	bool benefit = g->level >= L_ECONOMIC && g->level <= L_LASTING;

	ind->level1 = xstrdup(benefit && d->effect_alias ? "效果指标"
							 : lv->level1);
	ind->level2 = xstrdup(lv->level2);
	if (g->flags & IND_PLACEHOLDER) {
		ind->name = xstrdup("无");
		ind->description = xstrdup("无");
		ind->target = xstrdup("无");
		ind->basis = xstrdup("无");
		return;
	}
	ind->name = g->dup ? xprintf("%s（%d）", t->name, g->dup + 1)
			   : xstrdup(t->name);
	ind->target = format_target(d, g);
	if (g->flags & IND_DESC)
		ind->description = xstrdup(t->desc);
	if (g->flags & IND_BASIS)
		ind->basis = xstrdup(t->basis);
}

static struct jx_amount
yuan(int64_t cents)
{
	return (struct jx_amount){ true, cents * 100 };
}

static void
fill_money(const struct gdept *d, const struct gproj *p, struct jx_project *jp)
{
	int64_t other = p->cents * p->other_pm / 1000;

	jp->annual_total = yuan(p->cents);
	jp->annual_fiscal = yuan(p->cents - other);
	if (other || d->layout != LAYOUT_CHENGDE)
		jp->annual_other = yuan(other);
	if (d->layout == LAYOUT_QIXIAN) {
		jp->period_total = jp->annual_total;
		jp->period_fiscal = jp->annual_fiscal;
		jp->period_other = jp->annual_other;
	}
}

static void
add_checkpoint(struct jx_project *jp, const char *label, const char *percent)
{
	struct jx_checkpoint *c = jx_project_add_checkpoint(jp);

	if (!c)
		die("out of memory");
	c->label = xstrdup(label);
	c->percent = xstrdup(percent);
}

/* 资金支出计划: the four month-ends, cumulative, in one of the samples'
 * ways of writing them. */
static void
fill_plan(const struct gproj *p, struct jx_project *jp)
{
	static const char *const labels[4] = {
		"3月底", "6月底", "10月底", "12月底",
	};
	static const char *const plans[][4] = {
		{ "25.00%", "50.00%", "75.00%", "100.00%" },
		{ "25%", "50%", "75%", "100%" },
		{ "60%", "80%", "90%", "100%" },
		{ NULL, NULL, NULL, "100%" },
		{ "30.00%", "60.00%", "80.00%", "100.00%" },
	};

	if (p->plan == 0)
		return;
	for (size_t i = 0; i < 4; i++)
		add_checkpoint(jp, labels[i],
			       plans[(p->plan - 1) % NELEM(plans)][i]);
}

static char *
purpose_text(const struct gproj *p, const char *name)
{
	switch (p->text) {
	case 0:
		return xprintf("用于%s相关支出，确保各项工作顺利开展。", name);
	case 1:
		return xprintf("保障%s按时足额支付，维护相关人员权益。", name);
	case 2:
		return xprintf("按照年度工作计划使用%s，专款专用，"
			       "提高财政资金使用效益。", name);
	default:
		return xprintf("%s：保障街道（社区）正常运转，"
			       "更好地服务辖区居民。", name);
	}
}

static void
fill_goals(const struct gdept *d, struct jx_project *jp)
{
	if (d->layout == LAYOUT_QIXIAN) {
		jp->period_goal = xprintf("保障%s顺利实施，完成年度工作任务，"
					  "提升辖区居民满意度。", jp->name);
		jp->annual_goal = xstrdup(jp->period_goal);
	} else if (d->layout == LAYOUT_XISHAN) {
		jp->goal = xprintf("1.按时完成%s相关工作\n"
				   "2.提升服务水平和居民满意度", jp->name);
	} else {
		jp->goal = xprintf("1.%s按计划实施\n"
				   "2.资金使用规范、安全、有效", jp->name);
	}
}

static void
fill_project(const struct gdept *d, const struct gproj *p, size_t seq,
	     int year, struct jx_project *jp)
{
	jp->code = p->code[0] ? xstrdup(p->code) : NULL;
	jp->name = project_name(p);
	if (d->layout == LAYOUT_XISHAN)
		jp->title = xprintf("%zu.%s绩效目标表", seq, jp->name);
	else if (d->layout == LAYOUT_QIXIAN)
		jp->title = xprintf("%s项目绩效目标表", jp->name);
	if (d->layout == LAYOUT_QIXIAN) {
		jp->competent = xstrdup(d->name);
		jp->unit = xstrdup(d->name);
		jp->period = xprintf("%d年1月至%d年12月", year, year);
	}
	fill_money(d, p, jp);
	if (d->layout != LAYOUT_QIXIAN)
		jp->purpose = purpose_text(p, jp->name);
	fill_plan(p, jp);
	fill_goals(d, jp);
	for (size_t i = 0; i < d->n_ind; i++) {
		struct jx_indicator *ind = jx_project_add_indicator(jp);

		if (!ind)
			die("out of memory");
		fill_indicator(d, &p->inds[i], ind);
	}
}

/* 总体绩效目标: a few numbered lines. */
static char *
goals_text(struct rng *r)
{
	size_t n = (size_t)rng_range(r, 3, 6);
	size_t off = rng_below(r, NELEM(goal_lines));
	char buf[4096];
	int len = 0;

	for (size_t i = 0; i < n; i++)
		len += snprintf(buf + len, sizeof buf - (size_t)len,
				"%s%zu、%s", i ? "\n" : "", i + 1,
				goal_lines[(off + i) % NELEM(goal_lines)]);
	return xstrdup(buf);
}

static char *
measures_text(struct rng *r)
{
	size_t n = (size_t)rng_range(r, 2, (int)NELEM(measure_lines));
	char buf[4096];
	int len = 0;

	for (size_t i = 0; i < n; i++)
		len += snprintf(buf + len, sizeof buf - (size_t)len, "%s%s",
				i ? "\n" : "", measure_lines[i]);
	return xstrdup(buf);
}

static void
fill_year_texts(struct gdept *d, struct jx_doc *doc)
{
	struct rng *r = &d->rng;
	size_t n_sub = (size_t)rng_range(r, 1, 4), off;

	if (d->layout == LAYOUT_QIXIAN)
		return;
	doc->goals = goals_text(r);
	if (d->layout == LAYOUT_XISHAN)
		doc->measures = measures_text(r);
	off = rng_below(r, NELEM(subgoal_texts));
	for (size_t i = 0; i < n_sub; i++) {
		const struct subgoal_text *t =
			&subgoal_texts[(off + i) % NELEM(subgoal_texts)];
		struct jx_subgoal *g = jx_doc_add_subgoal(doc);

		if (!g)
			die("out of memory");
		g->title = xstrdup(t->title);
		g->goal = xstrdup(t->goal);
		g->indicator = xstrdup(t->indicator);
	}
}

static void
build_doc(struct gdept *d, int year, struct jx_doc *doc)
{
	jx_doc_init(doc);
	doc->dept_code = xstrdup(d->code);
	doc->dept_name = xstrdup(d->name);
	doc->dept_competent = xstrdup(d->competent);
	doc->year = year;
	doc->framework = xstrdup("2012");
	doc->source = xstrdup("jixiao-gen");
	fill_year_texts(d, doc);
	for (size_t i = 0; i < d->n; i++) {
		struct jx_project *jp = jx_doc_add_project(doc);

		if (!jp)
			die("out of memory");
		fill_project(d, &d->projs[i], i + 1, year, jp);
	}
}

/* ---- writing ---------------------------------------------------------- */

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct writer {
	struct jx_store *st;
	struct jx_import_counts counts;
	size_t in_txn;       /* department-years in the open transaction */
	double store_s;      /* time spent in the store (put_doc, commit) */
	double build_s;      /* time spent building documents */
};

static void
check(struct writer *w, enum jx_status rc, const struct jx_error *err)
{
	if (rc == JX_OK)
		return;
	jx_store_rollback(w->st);
	die("%s", err->message[0] ? err->message : jx_status_text(rc));
}

static void
writer_commit(struct writer *w)
{
	struct jx_error err;
	double t0 = now_s();

	jx_error_clear(&err);
	if (w->in_txn)
		check(w, jx_store_commit(w->st, &err), &err);
	w->in_txn = 0;
	w->store_s += now_s() - t0;
}

static void
writer_put(struct writer *w, const struct jx_doc *doc)
{
	struct jx_error err;
	double t0 = now_s();

	jx_error_clear(&err);
	if (w->in_txn == 0)
		check(w, jx_store_begin(w->st, &err), &err);
	check(w, jx_store_put_doc(w->st, doc, false, "jixiao-gen",
				  &w->counts, &err), &err);
	w->store_s += now_s() - t0;
	if (++w->in_txn >= BATCH)
		writer_commit(w);
}

/* Builds and writes one year of department d. */
static void
emit_year(struct writer *w, struct gdept *d, int year)
{
	struct jx_doc doc;
	double t0 = now_s();

	build_doc(d, year, &doc);
	w->build_s += now_s() - t0;
	writer_put(w, &doc);
	t0 = now_s();
	jx_doc_free(&doc);
	w->build_s += now_s() - t0;
}

static void
progress(const struct writer *w, uint64_t done, uint64_t total, double t0,
	 int *last)
{
	int tenth = total ? (int)(done * 10 / total) : 10;

	if (tenth <= *last)
		return;
	*last = tenth;
	fprintf(stderr, "%s: %3d%%  %" PRIu64 "/%" PRIu64 " department-years,"
		" %zu indicators, %.1f s\n", prog, tenth * 10, done, total,
		w->counts.indicators, now_s() - t0);
}

static void
write_departments(struct writer *w, const struct options *o,
		  const uint8_t *slots, double t0)
{
	uint64_t total = (uint64_t)o->departments * (uint64_t)o->years;
	uint64_t done = 0;
	const struct shape s = { (size_t)o->projects, slots,
				 (size_t)o->indicators, (int)o->first_year };
	int last = 0;

	for (long i = 0; i < o->departments; i++) {
		struct gdept d;
		double tb = now_s();

		dept_setup(&d, o->seed, (uint64_t)i, &s);
		dept_fill(&d, &s);
		w->build_s += now_s() - tb;
		for (long y = 0; y < o->years; y++) {
			int year = (int)(o->first_year + y);

			tb = now_s();
			if (y)
				dept_evolve(&d, &normal_churn, year);
			w->build_s += now_s() - tb;
			emit_year(w, &d, year);
			progress(w, ++done, total, t0, &last);
		}
		dept_free(&d);
	}
	writer_commit(w);
}

/* One of the extra departments: a fixed code and name, project codes. */
static void
special_dept(struct gdept *d, const struct options *o, uint64_t stream,
	     const struct shape *s, const char *code, const char *name)
{
	dept_setup(d, o->seed, stream, s);
	snprintf(d->code, sizeof d->code, "%s", code);
	free(d->name);
	free(d->competent);
	d->name = xstrdup(name);
	d->competent = NULL;
	d->no_codes = false;
	dept_fill(d, s);
}

static void
write_big_list(struct writer *w, const struct options *o)
{
	uint8_t *slots = make_slots(1);
	const struct shape s = { (size_t)o->big_list, slots, 1,
				 (int)o->first_year };
	struct gdept d;
	double t0 = now_s();

	fprintf(stderr, "%s: 大列表测试单位 (%s): %ld projects\n", prog,
		BIG_LIST_CODE, o->big_list);
	special_dept(&d, o, UINT64_C(1) << 40, &s, BIG_LIST_CODE,
		     "大列表测试单位");
	w->build_s += now_s() - t0;
	emit_year(w, &d, (int)o->first_year);
	writer_commit(w);
	dept_free(&d);
	free(slots);
}

static void
write_compare_dept(struct writer *w, const struct options *o)
{
	uint8_t *slots = make_slots(N_LEVELS);
	const struct shape s = { (size_t)o->compare_projects, slots, N_LEVELS,
				 (int)o->first_year };
	struct gdept d;
	int year = (int)o->first_year;
	double t0 = now_s();

	fprintf(stderr, "%s: 比较测试单位 (%s): %ld projects,"
		" years %d and %d\n", prog, COMPARE_CODE, o->compare_projects,
		year, year + 1);
	special_dept(&d, o, (UINT64_C(1) << 40) + 1, &s, COMPARE_CODE,
		     "比较测试单位");
	w->build_s += now_s() - t0;
	emit_year(w, &d, year);
	t0 = now_s();
	dept_evolve(&d, &compare_churn, year + 1);
	w->build_s += now_s() - t0;
	emit_year(w, &d, year + 1);
	writer_commit(w);
	dept_free(&d);
	free(slots);
}

static struct jx_store *
open_new(const char *path)
{
	struct jx_store *st;
	struct jx_error err;
	struct stat sb;

	if (stat(path, &sb) == 0) {
		fprintf(stderr, "%s: %s exists; the generator writes a new"
			" database (remove it first)\n", prog, path);
		exit(2);
	}
	jx_error_clear(&err);
	if (jx_store_open(path, JX_OPEN_CREATE, &st, &err) != JX_OK)
		die("%s", err.message);
	return st;
}

int
main(int argc, char **argv)
{
	struct options o;
	struct writer w = { 0 };
	uint8_t *slots;
	double t0, secs;

	parse_options(&o, argc, argv);
	t0 = now_s();
	w.st = open_new(o.path);
	slots = make_slots((size_t)o.indicators);
	write_departments(&w, &o, slots, t0);
	if (o.big_list)
		write_big_list(&w, &o);
	if (o.compare_projects)
		write_compare_dept(&w, &o);
	jx_store_close(w.st);
	free(slots);
	secs = now_s() - t0;
	fprintf(stderr, "%s: building documents %.3f s, store (put_doc and"
		" commit) %.3f s = %.0f indicators/s, closing and the rest"
		" %.3f s\n", prog, w.build_s, w.store_s,
		w.store_s > 0 ? (double)w.counts.indicators / w.store_s : 0.0,
		secs - w.build_s - w.store_s);
	printf("wrote %zu departments, %zu department-years, %zu"
		" projects, %zu indicators in %.3f s (%.0f indicators/s)\n",
		w.counts.departments, w.counts.years, w.counts.projects,
		w.counts.indicators, secs,
		secs > 0 ? (double)w.counts.indicators / secs : 0.0);
	return 0;
}
