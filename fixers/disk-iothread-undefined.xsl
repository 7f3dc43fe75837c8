<?xml version="1.0"?>
<!-- disk-iothread-undefined: define the IOThreads that disks and
     controllers name.
     Parameters:
       targets  the vl:id of each offending <driver> (unused: the change is
                to the domain's IOThread definition);
       count    the new <iothreads> value; <iothreads> is added after the
                memory and vCPU elements when missing (where libvirt writes
                it);
       add      ids to list in <iothreadids> as <iothread id='N'/>,
                space-separated, empty when the domain has no <iothreadids>
                (its ids are then 1..count). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>
  <xsl:param name="count"/>
  <xsl:param name="add"/>

  <xsl:variable name="anchor"
                select="(/domain/memory | /domain/currentMemory | /domain/blkiotune | /domain/memtune |
                         /domain/memoryBacking | /domain/vcpu | /domain/vcpus)[last()]"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/*">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
    <xsl:if test="not(/domain/iothreads) and generate-id(.) = generate-id($anchor)">
      <iothreads><xsl:value-of select="$count"/></iothreads>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/domain/iothreads">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:value-of select="$count"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/iothreadids">
    <xsl:if test="not(/domain/iothreads) and not($anchor)">
      <iothreads><xsl:value-of select="$count"/></iothreads>
    </xsl:if>
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:call-template name="ids">
        <xsl:with-param name="list" select="normalize-space($add)"/>
      </xsl:call-template>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="ids">
    <xsl:param name="list"/>
    <xsl:if test="$list != ''">
      <xsl:variable name="first" select="substring-before(concat($list, ' '), ' ')"/>
      <iothread id="{$first}"/>
      <xsl:call-template name="ids">
        <xsl:with-param name="list" select="substring-after($list, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
