/** The Netcat panel (socketTextStream's in-studio text source, like `nc -lk 9999`). */
const en: Record<string, string> = {
  'netcat.tab': 'Netcat',
  'netcat.region': 'Netcat',
  'netcat.intro': 'Lines sent here reach every socketTextStream connected to the endpoint, like typing into `nc -lk {port}`.',
  'netcat.endpoint': 'Endpoint',
  'netcat.endpointNodes': 'read by {nodes}',
  'netcat.listening': 'listening on {endpoint}',
  'netcat.text': 'Lines to send',
  'netcat.placeholder': 'hello world\nhello spark',
  'netcat.send': 'Send',
  'netcat.sendHint': 'Each line is one record; the next batch contains the lines sent.',
  'netcat.notRunning': 'Nothing is running: press Run or Step first so the receiver connects (lines sent with no receiver are lost).',
  'netcat.history': 'Sent',
  'netcat.historyEmpty': 'Nothing sent yet.',
  'netcat.clear': 'Clear',
  'netcat.sent': 'Sent {n, plural, one {# line} other {# lines}} to {endpoint}.',
  'netcat.failed': 'Could not send to {endpoint}: {error}',
  'netcat.noSocket': 'This pipeline has no socketTextStream reading a studio socket (ws:// hosts use a real WebSocket).',
};

const zh: Record<string, string> = {
  'netcat.tab': 'Netcat',
  'netcat.region': 'Netcat',
  'netcat.intro': '在这里发送的文本行会到达连接到该端点的每个 socketTextStream，就像在 `nc -lk {port}` 中输入一样。',
  'netcat.endpoint': '端点',
  'netcat.endpointNodes': '读取节点：{nodes}',
  'netcat.listening': '正在监听 {endpoint}',
  'netcat.text': '要发送的文本行',
  'netcat.placeholder': 'hello world\nhello spark',
  'netcat.send': '发送',
  'netcat.sendHint': '每一行是一条记录；下一个批次会包含发送的行。',
  'netcat.notRunning': '当前没有运行：请先点击“运行”或“单步”，让接收器连接（没有接收器时发送的行会丢失）。',
  'netcat.history': '已发送',
  'netcat.historyEmpty': '尚未发送任何内容。',
  'netcat.clear': '清空',
  'netcat.sent': '已向 {endpoint} 发送 {n} 行。',
  'netcat.failed': '无法发送到 {endpoint}：{error}',
  'netcat.noSocket': '此管道没有读取工作室套接字的 socketTextStream（ws:// 主机使用真实的 WebSocket）。',
};

export const netcatDicts = { en, 'zh-CN': zh };
